import type { CaseDetail, CaseMaterial } from '@shared/api';
import { documentTypeSchema, DOCUMENT_TYPE_LABELS } from '@shared/domain/identity/documents';
import {
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  materialRequirement,
} from '@shared/domain/catalogue/service-item';
import { PaperRow } from '../../print';
import classes from './case-paper.module.css';

/** The counter as printed: its name from the case, its phone from the terminal's settings. */
export interface CounterInfo {
  /** 五马街道便民服务中心 一号窗口. */
  name: string;
  /** Empty when not set: a blank is left to write it in by hand. */
  phone: string;
}

export interface CasePaperProps {
  detail: CaseDetail;
  counter: CounterInfo;
}

const BLANK = '\u3000'.repeat(8);

/** 居民身份证 330302********1234: masked, as no case paper needs the whole number. */
function documentLine(applicant: CaseDetail['applicant']): string {
  const type = documentTypeSchema.safeParse(applicant.docType);
  const label = type.success ? DOCUMENT_TYPE_LABELS[type.data] : '证件';
  return `${label} ${applicant.docNumberMasked}`;
}

/** "张三：" above the body text, as a letter to the applicant. */
export function Addressee({ name }: { name: string }) {
  return <p className={classes.addressee}>{name}：</p>;
}

export function ApplicantRows({ detail }: { detail: CaseDetail }) {
  return (
    <>
      <PaperRow label="申请人">{detail.applicant.name}</PaperRow>
      <PaperRow label="证件号码">{documentLine(detail.applicant)}</PaperRow>
      <PaperRow label="联系电话">{detail.applicant.phoneMasked ?? '—'}</PaperRow>
    </>
  );
}

export function CounterRows({ counter, clerk }: { counter: CounterInfo; clerk: string | null }) {
  return (
    <>
      <PaperRow label="受理窗口">{counter.name}</PaperRow>
      <PaperRow label="窗口电话">{counter.phone || BLANK}</PaperRow>
      <PaperRow label="经办人">{clerk ?? BLANK}</PaperRow>
    </>
  );
}

function requirementText(material: CaseMaterial): string {
  const requirement = materialRequirement(material);
  return requirement === 'conditional'
    ? `${MATERIAL_REQUIREMENT_LABELS.conditional}：${material.condition ?? ''}`
    : MATERIAL_REQUIREMENT_LABELS[requirement];
}

interface MaterialTableProps {
  title: string;
  materials: readonly CaseMaterial[];
  /** Received: the copies taken in; missing: the requirement and where to obtain it. */
  kind: 'received' | 'missing';
  /** Printed instead of an empty table. */
  empty: string;
}

/**
 * The materials received, or those still to bring with what is required of each. A name has the
 * widest column so that it never breaks (the longest in the catalogue has 21 characters); where to
 * get a missing one goes under its name.
 */
export function MaterialTable({ title, materials, kind, empty }: MaterialTableProps) {
  return (
    <section aria-label={title}>
      <h2 className={classes.sectionTitle}>{title}</h2>
      {materials.length === 0 ? (
        <p className={classes.none}>{empty}</p>
      ) : (
        <table className={classes.list}>
          <thead>
            <tr>
              <th className={classes.number}>序号</th>
              <th>材料名称</th>
              <th className={classes.form}>
                {kind === 'received' ? '形式及收取份数' : '形式及份数'}
              </th>
              {kind === 'missing' && <th className={classes.requirement}>要求</th>}
            </tr>
          </thead>
          <tbody>
            {materials.map((material, index) => (
              <tr key={material.id}>
                <td className={classes.number}>{index + 1}</td>
                <td>
                  <div>{material.name}</div>
                  {kind === 'missing' && material.source && (
                    <div className={classes.source}>获取途径：{material.source}</div>
                  )}
                </td>
                <td className={classes.form}>
                  {MATERIAL_FORM_LABELS[material.form]}{' '}
                  {kind === 'received' ? material.copiesReceived : material.copies} 份
                </td>
                {kind === 'missing' && (
                  <td className={classes.requirement}>{requirementText(material)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function receivedMaterials(detail: CaseDetail): CaseMaterial[] {
  return detail.materials.filter((material) => material.status === 'received');
}
