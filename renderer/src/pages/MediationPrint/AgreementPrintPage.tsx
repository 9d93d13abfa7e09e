import type { MethodOutput } from '@shared/api';
import { useParams } from 'react-router';
import {
  formatPaperDate,
  PaperHeading,
  PaperParagraph,
  PaperTable,
  PrintPage,
  Sheet,
} from '../../print';
import { ageOn } from '@shared/domain/identity/age';
import classes from './mediation-paper.module.css';
import { Clause, SealBlock, SignatureBlock, SignLine } from './paper-parts';
import { useCountedPrint } from './use-counted-print';

type AgreementPaper = MethodOutput<'mediation.printAgreement'>;
type PartyPaper = AgreementPaper['parties'][number];

const dash = (value: string | null | undefined) => value || '—';

function birthText(party: PartyPaper, on: string): string {
  if (party.birthDate) {
    return `${formatPaperDate(party.birthDate)}（${ageOn(party.birthDate, on)}岁）`;
  }
  return party.age !== null ? `${party.age}岁` : '—';
}

function AgentRow({ party }: { party: PartyPaper }) {
  if (!party.agentName) return null;
  return (
    <tr>
      <th scope="row">委托代理人</th>
      <td colSpan={3}>
        {party.agentName}，联系电话：{dash(party.agentPhone)}，授权委托书日期：
        {formatPaperDate(party.attorneyDate)}
      </td>
    </tr>
  );
}

/** Each party's particulars as the MoJ model lays them out: one bordered block per party. */
function PartyParticulars({ party, on }: { party: PartyPaper; on: string }) {
  if (party.kind === 'organisation') {
    return (
      <PaperTable>
        <tr>
          <th scope="row">{party.roleLabel}</th>
          <td colSpan={3}>{party.name}</td>
        </tr>
        <tr>
          <th scope="row">统一社会信用代码</th>
          <td>{dash(party.creditCode)}</td>
          <th scope="row">法定代表人</th>
          <td>{dash(party.representative)}</td>
        </tr>
        <tr>
          <th scope="row">住所</th>
          <td>{dash(party.address)}</td>
          <th scope="row">联系电话</th>
          <td>{dash(party.phone)}</td>
        </tr>
        <AgentRow party={party} />
      </PaperTable>
    );
  }
  return (
    <PaperTable>
      <tr>
        <th scope="row">{party.roleLabel}</th>
        <td>{party.name}</td>
        <th scope="row">性别</th>
        <td>{dash(party.genderLabel)}</td>
      </tr>
      <tr>
        <th scope="row">民族</th>
        <td>{dash(party.ethnicity)}</td>
        <th scope="row">出生日期</th>
        <td>{birthText(party, on)}</td>
      </tr>
      <tr>
        <th scope="row">职业</th>
        <td>{dash(party.occupation)}</td>
        <th scope="row">联系电话</th>
        <td>{dash(party.phone)}</td>
      </tr>
      <tr>
        <th scope="row">{party.idTypeLabel ?? '证件'}号码</th>
        <td colSpan={3}>{dash(party.idNumber)}</td>
      </tr>
      <tr>
        <th scope="row">住址</th>
        <td colSpan={3}>{dash(party.address)}</td>
      </tr>
      <AgentRow party={party} />
    </PaperTable>
  );
}

function Obligation({ item }: { item: AgreementPaper['obligations'][number] }) {
  return (
    <>
      {item.label}：{item.content}
      <br />
      义务人：{item.obligorName}；{item.amountText ? `金额：${item.amountText}；` : ''}
      履行方式：{item.method}；履行地点：{item.place}；履行期限：{formatPaperDate(item.deadline)}
      前。
    </>
  );
}

function AgreementSheet({ paper }: { paper: AgreementPaper }) {
  return (
    <Sheet label={paper.title} className={classes.agreementSheet}>
      <PaperHeading title={paper.title} number={paper.caseNo} />
      {paper.parties.map((party, index) => (
        <PartyParticulars key={index} party={party} on={paper.agreedOn} />
      ))}
      <Clause label="纠纷主要事实">{paper.facts}</Clause>
      <Clause label="争议事项">{paper.disputedMatters}</Clause>
      {paper.responsibilities.map((line) => (
        <Clause key={`${line.roleLabel}${line.name}`} label={`${line.roleLabel}${line.name}的责任`}>
          {line.text}
        </Clause>
      ))}
      <PaperParagraph>经{paper.committeeName}调解，各方当事人自愿达成如下协议：</PaperParagraph>
      {/* Numbered by their own 第一项, 第二项: no list numbers beside them. */}
      {paper.obligations.map((item) => (
        <p key={item.label} className={classes.obligation}>
          <Obligation item={item} />
        </p>
      ))}
      <PaperParagraph>{paper.effectText}</PaperParagraph>
      <PaperParagraph>{paper.judicialConfirmationText}</PaperParagraph>
      <div className={classes.closingClause}>
        <PaperParagraph>{paper.copiesText}</PaperParagraph>
        <SignatureBlock>
          {paper.signatureLines.map((line) => (
            <SignLine
              key={`${line.roleLabel}${line.name}`}
              label={`${line.roleLabel}${line.name}（签名或按指印）`}
            />
          ))}
          <SignLine label={`人民调解员 ${paper.mediatorNames.join('、')}（签名）`} />
          <SignLine label={`记录人${paper.recorderName ? ` ${paper.recorderName}` : ''}（签名）`} />
        </SignatureBlock>
        <SealBlock lines={[paper.sealLine, formatPaperDate(paper.agreedOn)]} />
      </div>
    </Sheet>
  );
}

/** 人民调解协议书 (人民调解法 art. 29), the one paper with the parties' full particulars. */
export function AgreementPrintPage() {
  const { id = '' } = useParams();
  const paper = useCountedPrint('mediation.printAgreement', { disputeId: id });
  return (
    <PrintPage
      title={paper.data ? `调解协议书-${paper.data.caseNo}` : '调解协议书'}
      onPrint={paper.onPrint}
      loading={paper.loading}
      error={paper.error}
    >
      {paper.data ? <AgreementSheet paper={paper.data} /> : null}
    </PrintPage>
  );
}
