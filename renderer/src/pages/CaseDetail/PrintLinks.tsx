import { Button, Group, Text } from '@mantine/core';
import type { CaseDetail } from '@shared/api';
import { Link } from 'react-router';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';
import { CASE_DOCUMENT_TITLES, casePrintPath } from '../CasePrint/paths';
import { printableDocuments } from './case-labels';

interface PrintLinksProps {
  detail: CaseDetail;
}

/** The papers this case has grounds for, each opening its A4 print view; reprints are counted. */
export function PrintLinks({ detail }: PrintLinksProps) {
  const me = useCurrentUser();
  const documents = printableDocuments(detail);
  if (documents.length === 0 || !canCall(me.role, 'print.record')) return null;
  return (
    <Group gap="sm" role="group" aria-label="打印文书">
      {documents.map((document) => {
        const count = detail.printCounts[document] ?? 0;
        return (
          <Button
            key={document}
            component={Link}
            to={casePrintPath(detail.id, document)}
            variant="default"
          >
            打印{CASE_DOCUMENT_TITLES[document]}
            {count > 0 ? (
              <Text span size="xs" c="dimmed" ml={6}>
                已打印 {count} 次
              </Text>
            ) : null}
          </Button>
        );
      })}
    </Group>
  );
}
