import type { ServiceItemSummary } from '@shared/api';
import type { Ref } from 'react';
import { useApiQuery } from '../../api';
import { ItemPicker } from '../../components/ItemPicker';

interface AgencyItemSelectProps {
  onChange: (item: ServiceItemSummary | null) => void;
  /** The item shown when the page opens, e.g. from a restored draft. */
  initialItem?: ServiceItemSummary | null;
  error?: string | null;
  ref?: Ref<HTMLInputElement>;
}

/** A search that found nothing open to agency: say whether the item exists and must go to the township. */
function ClosedToAgency({ query }: { query: string }) {
  const elsewhere = useApiQuery('catalogue.list', { query }, { enabled: query !== '' });
  if (query === '' || !elsewhere.data)
    return <>{query === '' ? '没有找到符合的事项' : '正在查找…'}</>;
  return (
    <>
      {elsewhere.data.length > 0
        ? `${elsewhere.data.map((item) => item.name).join('、')}不能由村（社区）代办，请申请人到乡镇（街道）窗口办理`
        : '没有找到符合的事项'}
    </>
  );
}

/**
 * The counter's item picker, limited to the items the catalogue opens to village agency: searched on
 * the backend by name or alias (低保), pinyin initials anywhere in either (gljt, dbsq) or code (0019),
 * the first match highlighted, Enter takes it.
 */
export function AgencyItemSelect({ onChange, initialItem, error, ref }: AgencyItemSelectProps) {
  return (
    <ItemPicker
      agencyOnly
      inputRef={ref}
      label="代办事项"
      withAsterisk
      description="只列出允许村（社区）代办的事项"
      initialItem={initialItem}
      onChange={onChange}
      error={error}
      renderNothingFound={(query) => <ClosedToAgency query={query} />}
    />
  );
}
