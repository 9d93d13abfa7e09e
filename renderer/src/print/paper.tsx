import type { ReactNode } from 'react';
import { formatPaperDate } from './paper-date';
import classes from './print.module.css';

/** One A4 page; `className` adds a paper's own print rules (a named page for page numbers). */
export function Sheet({
  children,
  label,
  className,
}: {
  children: ReactNode;
  label: string;
  className?: string;
}) {
  return (
    <article
      className={className ? `${classes.sheet} ${className}` : classes.sheet}
      aria-label={label}
    >
      {children}
    </article>
  );
}

/** The form's title and, right-aligned under it, its number (编号). */
export function PaperHeading({ title, number }: { title: string; number?: string }) {
  return (
    <header>
      <h1 className={classes.title}>{title}</h1>
      {number !== undefined && <p className={classes.number}>编号：{number}</p>}
    </header>
  );
}

interface PaperRowProps {
  label: string;
  children: ReactNode;
}

/** A bordered form table; each row is a label cell and its value. */
export function PaperTable({ children }: { children: ReactNode }) {
  return (
    <table className={classes.table}>
      <tbody>{children}</tbody>
    </table>
  );
}

export function PaperRow({ label, children }: PaperRowProps) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

/** Running text of a form, indented two characters as Chinese official writing is. */
export function PaperParagraph({ children }: { children: ReactNode }) {
  return <p className={classes.paragraph}>{children}</p>;
}

/** Lines to sign on, e.g. 申请人（签名） and 受理人（签名）. */
function PaperSignatures({ labels }: { labels: readonly string[] }) {
  return (
    <div className={classes.signatures}>
      {labels.map((label) => (
        <div key={label} className={classes.signature}>
          <span>{label}：</span>
          <span className={classes.signatureLine} />
        </div>
      ))}
    </div>
  );
}

/**
 * The end of every form: the lines to sign on, then the issuing unit, its seal line and the date,
 * bottom right. Kept together and with what comes before it, so that a long form never leaves its
 * signatures and seal alone on a sheet of their own.
 */
export function PaperClosing({
  signatures,
  unit,
  date,
}: {
  signatures: readonly string[];
  unit: string;
  date: string | null;
}) {
  return (
    <footer className={classes.closing}>
      <PaperSignatures labels={signatures} />
      <div className={classes.seal}>
        <div>{unit}（盖章）</div>
        <div>{formatPaperDate(date)}</div>
      </div>
    </footer>
  );
}
