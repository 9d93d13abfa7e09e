import type { MethodOutput } from '@shared/api';
import { useParams } from 'react-router';
import { formatPaperDate, PaperHeading, PaperParagraph, PrintPage, Sheet } from '../../print';
import {
  Clause,
  NumberedList,
  SealBlock,
  SignatureBlock,
  SignLine,
  SubHeading,
} from './paper-parts';
import { useCountedPrint } from './use-counted-print';

type NoticePaper = MethodOutput<'mediation.printNotice'>;

function NoticeSheet({ paper }: { paper: NoticePaper }) {
  return (
    <Sheet label={paper.title}>
      <PaperHeading title={paper.title} number={paper.caseNo} />
      <Clause label="当事人">
        {paper.parties.map((party) => `${party.roleLabel}${party.name}`).join('、')}
      </Clause>
      <PaperParagraph>
        根据《中华人民共和国人民调解法》的规定，{paper.committeeName}
        受理你们之间的纠纷。为保障当事人的合法权益，现将当事人在人民调解活动中享有的权利和承担的义务告知如下：
      </PaperParagraph>
      <SubHeading>一、当事人享有下列权利</SubHeading>
      <NumberedList items={paper.rights} />
      <SubHeading>二、当事人应当履行下列义务</SubHeading>
      <NumberedList items={paper.duties} />
      <SubHeading>三、其他告知事项</SubHeading>
      <NumberedList items={paper.remarks} />
      <SignatureBlock>
        <PaperParagraph>本人已阅读（或经调解员宣读）并知悉上述权利义务。</PaperParagraph>
        {paper.acknowledgements.map((party) => (
          <SignLine
            key={`${party.roleLabel}${party.name}`}
            label={`${party.roleLabel}${party.name}（签名或按指印）`}
            trailing={
              party.acknowledgedOn
                ? `${formatPaperDate(party.acknowledgedOn)}（${party.methodLabel ?? ''}）`
                : formatPaperDate(null)
            }
          />
        ))}
      </SignatureBlock>
      <SealBlock lines={[`${paper.committeeName}（印章）`, formatPaperDate(paper.issuedOn)]} />
    </Sheet>
  );
}

/** 当事人权利义务告知书 (人民调解法 arts. 23–24), signed by each party at registration. */
export function DisputeNoticePrintPage() {
  const { id = '' } = useParams();
  const paper = useCountedPrint('mediation.printNotice', { disputeId: id });
  return (
    <PrintPage
      title={paper.data ? `权利义务告知书-${paper.data.caseNo}` : '权利义务告知书'}
      onPrint={paper.onPrint}
      loading={paper.loading}
      error={paper.error}
    >
      {paper.data ? <NoticeSheet paper={paper.data} /> : null}
    </PrintPage>
  );
}
