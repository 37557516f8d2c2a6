import { Button, Card, Flex, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCurrentPost, useMe } from '../../auth/hooks/useSession';
import { postLabel } from '../../auth/utils/post-label';
import { useTodo } from '../hooks/useTodo';
import { TodoList } from './TodoList';

/** 工作台: the page a cadre lands on — who they act as, and what waits for their post. */
export function Workbench() {
  const t = useT();
  const me = useMe();
  const post = useCurrentPost();
  const todo = useTodo();
  const waiting = todo.items?.reduce((sum, item) => sum + item.count, 0);

  return (
    <Flex vertical gap={12}>
      <Flex vertical gap={2}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.greeting', { name: me.user.displayName })}
        </Typography.Title>
        {post && <Typography.Text type="secondary">{t('home.actingAs', { post: postLabel(post) })}</Typography.Text>}
      </Flex>
      <Card
        size="small"
        title={waiting === undefined ? t('todo.title') : t('todo.titleCount', { count: waiting })}
        extra={
          <Tooltip title={t('common.refresh')}>
            <Button type="text" icon={<ReloadOutlined />} aria-label={t('common.refresh')} loading={todo.loading} onClick={todo.reload} />
          </Tooltip>
        }
      >
        <TodoList items={todo.items} error={todo.error} onRetry={todo.reload} />
      </Card>
    </Flex>
  );
}
