import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { NOTICE_METHOD_LABELS, type DisputeDetail, type DisputeParty } from '@shared/api';
import { DOCUMENT_TYPE_LABELS } from '@shared/domain/identity/documents';
import { GENDER_LABELS } from '@shared/domain/identity/resident-id';
import { PARTY_ROLE_LABELS } from '@shared/domain/mediation/agreement';
import { useState } from 'react';
import { Fact, Facts } from '../detail/Facts';
import { RevealValue } from '../detail/RevealValue';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';
import { AcknowledgeNoticeModal } from './AcknowledgeNoticeModal';
import { PartyModal } from './PartyModal';

function personLine(party: DisputeParty): string {
  const parts = [
    party.gender ? GENDER_LABELS[party.gender] : null,
    party.ethnicity,
    party.ageNow !== null ? `${party.ageNow}岁` : null,
    party.occupation,
  ];
  return parts.filter(Boolean).join('，') || '—';
}

interface PartyCardProps {
  party: DisputeParty;
  dispute: DisputeDetail;
  onEdit: (party: DisputeParty) => void;
  onAcknowledge: (party: DisputeParty) => void;
}

function PartyCard({ party, dispute, onEdit, onAcknowledge }: PartyCardProps) {
  const editable = dispute.canWrite && !['closed', 'rejected'].includes(dispute.state);
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      role="group"
      aria-label={`${PARTY_ROLE_LABELS[party.role]}${party.name}`}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <Badge variant="light">{PARTY_ROLE_LABELS[party.role]}</Badge>
          <Text fw={600}>{party.name}</Text>
          {party.kind === 'organisation' ? (
            <Badge variant="outline" color="gray">
              单位
            </Badge>
          ) : null}
          {party.residentId ? (
            <Badge variant="outline" color="teal">
              已关联居民档案
            </Badge>
          ) : null}
        </Group>
        {editable ? (
          <Group gap="xs">
            {!party.noticeAcknowledgedOn ? (
              <Button
                size="compact-sm"
                variant="light"
                aria-label={`记录${party.name}已知悉权利义务`}
                onClick={() => onAcknowledge(party)}
              >
                记录告知
              </Button>
            ) : null}
            <Button
              size="compact-sm"
              variant="default"
              aria-label={`修改当事人${party.name}`}
              onClick={() => onEdit(party)}
            >
              修改
            </Button>
          </Group>
        ) : null}
      </Group>
      <Facts>
        {party.kind === 'person' ? (
          <>
            <Fact label={party.idType ? DOCUMENT_TYPE_LABELS[party.idType] : '证件号码'}>
              <RevealValue
                partyId={party.id}
                field="idNumber"
                masked={party.idNumberMasked}
                what={`${party.name}的证件号码`}
                canReveal={dispute.canWrite}
              />
            </Fact>
            <Fact label="性别、民族、年龄、职业">{personLine(party)}</Fact>
          </>
        ) : (
          <>
            <Fact label="统一社会信用代码">{party.creditCode ?? '—'}</Fact>
            <Fact label="法定代表人（负责人）">{party.representative ?? '—'}</Fact>
          </>
        )}
        <Fact label="联系电话">
          <RevealValue
            partyId={party.id}
            field="phone"
            masked={party.phoneMasked}
            what={`${party.name}的联系电话`}
            canReveal={dispute.canWrite}
          />
        </Fact>
        <Fact label={party.kind === 'person' ? '住址' : '住所'}>{party.address ?? '—'}</Fact>
        {party.agentName ? (
          <>
            <Fact label="委托代理人">{party.agentName}</Fact>
            <Fact label="代理人电话">
              <RevealValue
                partyId={party.id}
                field="agentPhone"
                masked={party.agentPhoneMasked}
                what={`${party.name}的代理人电话`}
                canReveal={dispute.canWrite}
              />
            </Fact>
            <Fact label="授权委托书日期">{party.attorneyDate ?? '—'}</Fact>
          </>
        ) : null}
        <Fact label="权利义务告知">
          {party.noticeAcknowledgedOn ? (
            `${party.noticeAcknowledgedOn} ${party.noticeMethod ? NOTICE_METHOD_LABELS[party.noticeMethod] : ''}`
          ) : (
            <Text span size="sm" c="orange">
              尚未告知
            </Text>
          )}
        </Fact>
      </Facts>
    </Paper>
  );
}

function PartiesSectionBody({ dispute }: DisputeSectionProps) {
  const [editing, setEditing] = useState<DisputeParty | 'new' | null>(null);
  const [acknowledging, setAcknowledging] = useState<DisputeParty | null>(null);
  const editable = dispute.canWrite && !['closed', 'rejected'].includes(dispute.state);
  return (
    <SectionCard
      id="parties"
      title="当事人"
      actions={
        editable ? (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            增加当事人
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {dispute.parties.map((party) => (
          <PartyCard
            key={party.id}
            party={party}
            dispute={dispute}
            onEdit={setEditing}
            onAcknowledge={setAcknowledging}
          />
        ))}
      </Stack>
      {editing ? (
        <PartyModal
          dispute={dispute}
          party={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <AcknowledgeNoticeModal party={acknowledging} onClose={() => setAcknowledging(null)} />
    </SectionCard>
  );
}

export const partiesSection: DisputeSection = {
  key: 'parties',
  title: '当事人',
  Component: PartiesSectionBody,
};
