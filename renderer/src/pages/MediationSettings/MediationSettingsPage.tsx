import { Alert, Center, Loader } from '@mantine/core';
import { useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { AbbreviationForm } from './AbbreviationForm';

/** 调解设置: what the supervisor sets for the committee's case file, the case-number abbreviation. */
export function MediationSettingsPage() {
  const settings = useApiQuery('mediation.getSettings', {});
  return (
    <>
      <PageHeader
        title="调解设置"
        description="本调委会的案号简称，用于生成“（年份）简称人调字第N号”形式的案号，由负责人设置。"
      />
      {settings.isPending ? (
        <Center p="xl">
          <Loader aria-label="正在读取调解设置" />
        </Center>
      ) : settings.isError ? (
        <Alert color="red" role="alert" title="无法读取调解设置">
          {settings.error.message}
        </Alert>
      ) : (
        <AbbreviationForm key={settings.dataUpdatedAt} settings={settings.data} />
      )}
    </>
  );
}
