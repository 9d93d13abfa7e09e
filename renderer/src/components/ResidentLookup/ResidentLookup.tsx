import { Stack } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import type { ResidentSummary } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import type { DocumentType, IdentityDocument } from '@shared/domain/identity/documents';
import { useRef, useState, type Ref } from 'react';
import { useApiMutation } from '../../api';
import { DocumentSearch } from './DocumentSearch';
import { NewResidentForm } from './NewResidentForm';
import { ResidentCard } from './ResidentCard';
import { checkDocument } from './resident-checks';

interface ResidentLookupProps {
  /** The resident found or just registered; null until then. */
  resident: ResidentSummary | null;
  /** Called with the resident once found or registered, and with null when the clerk starts over. */
  onResidentChange: (resident: ResidentSummary | null) => void;
  /** The document number input, e.g. to focus it again for the next resident. */
  numberRef?: Ref<HTMLInputElement>;
  /** The village a new resident is put in unless changed, e.g. the village agent's own. */
  defaultVillageId?: string | null;
}

/**
 * Finds the applicant by document: the number is checked here first (GB 11643 and the other
 * documents' shapes), a resident on file fills in, and one not on file gets a short form.
 */
export function ResidentLookup({
  resident,
  onResidentChange,
  numberRef,
  defaultVillageId = null,
}: ResidentLookupProps) {
  const [docType, setDocType] = useState<DocumentType>('resident_id');
  const [docNumber, setDocNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [unknown, setUnknown] = useState<IdentityDocument | null>(null);
  const [created, setCreated] = useState(false);
  const find = useApiMutation('residents.findByDocument', { meta: { errorShownInline: true } });
  const ownNumberRef = useRef<HTMLInputElement>(null);
  const mergedNumberRef = useMergedRef(ownNumberRef, numberRef);

  function startOver() {
    setUnknown(null);
    setCreated(false);
    if (resident) onResidentChange(null);
  }

  function search() {
    const checked = checkDocument(docType, docNumber, shanghaiDate(new Date()));
    if (!checked.ok) {
      setError(checked.error.message);
      startOver();
      return;
    }
    setError(null);
    find.mutate(
      { docType, docNumber: checked.value.number },
      {
        onSuccess: (found) => {
          setCreated(false);
          setUnknown(found ? null : checked.value);
          onResidentChange(found);
        },
        onError: (failure) => setError(failure.message),
      },
    );
  }

  return (
    <Stack gap="sm">
      <DocumentSearch
        docType={docType}
        docNumber={docNumber}
        onDocTypeChange={(type) => {
          setDocType(type);
          startOver();
        }}
        onDocNumberChange={(number) => {
          setDocNumber(number);
          setError(null);
          if (resident || unknown) startOver();
        }}
        onSearch={search}
        error={error}
        searching={find.isPending}
        numberRef={mergedNumberRef}
      />
      {resident && (
        <ResidentCard
          resident={resident}
          badge={created ? '新登记' : '已有档案'}
          onClear={() => {
            setDocNumber('');
            startOver();
            ownNumberRef.current?.focus();
          }}
        />
      )}
      {!resident && unknown && (
        <NewResidentForm
          key={`${unknown.type}:${unknown.number}`}
          document={unknown}
          defaultVillageId={defaultVillageId}
          onCreated={(registered) => {
            setUnknown(null);
            setCreated(true);
            onResidentChange(registered);
          }}
        />
      )}
    </Stack>
  );
}
