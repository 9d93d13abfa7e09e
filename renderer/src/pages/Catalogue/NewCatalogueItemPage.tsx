import { Button } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { emptyItem } from './item-form';
import { ItemEditor } from './ItemEditor';

export function NewCatalogueItemPage() {
  const navigate = useNavigate();
  const [initialValues] = useState(emptyItem);
  return (
    <>
      <PageHeader
        title="新增事项"
        description="填写事项信息和申请材料。保存后为第 1 版，之后每次修改生成新版本。"
        actions={
          <Button variant="default" component={Link} to="/catalogue">
            返回事项目录
          </Button>
        }
      />
      <ItemEditor
        initialValues={initialValues}
        onSaved={(item) => void navigate(`/catalogue/${item.itemId}`, { replace: true })}
      />
    </>
  );
}
