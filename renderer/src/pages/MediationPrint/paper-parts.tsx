import type { ReactNode } from 'react';
import classes from './mediation-paper.module.css';

/** A labelled clause of a mediation paper: 纠纷主要事实：…… */
export function Clause({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className={classes.clause}>
      <span className={classes.label}>{label}：</span>
      {children}
    </p>
  );
}

export function SubHeading({ children }: { children: ReactNode }) {
  return <h2 className={classes.heading2}>{children}</h2>;
}

export function NumberedList({ items }: { items: readonly ReactNode[] }) {
  return (
    <ol className={classes.list}>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ol>
  );
}

/** A line to sign on with what is already known printed before it (a name, a role). */
export function SignLine({ label, trailing }: { label: string; trailing?: string }) {
  return (
    <div className={classes.signRow}>
      <span>{label}：</span>
      <span className={classes.signLine} />
      {trailing ? <span>{trailing}</span> : null}
    </div>
  );
}

export function SignatureBlock({ children }: { children: ReactNode }) {
  return <div className={classes.signatureBlock}>{children}</div>;
}

/** The committee, its seal line and the date, bottom right. */
export function SealBlock({ lines }: { lines: readonly string[] }) {
  return (
    <div className={classes.sealBlock}>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}
