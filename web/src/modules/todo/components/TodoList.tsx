import { Alert, Button, Col, Empty, Row, Skeleton } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import type { TodoItem } from '../types/todo';
import { TodoCard } from './TodoCard';

type Props = {
  items: TodoItem[] | null;
  error: unknown;
  onRetry: () => void;
};

/** The to-do cards, the kinds with work waiting first, each keeping the server's order otherwise. */
export function TodoList({ items, error, onRetry }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  if (error !== null) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(error)}
        action={
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!items) return <Skeleton active />;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.noKinds')} />;
  const ordered = [...items.filter((i) => i.count > 0), ...items.filter((i) => i.count === 0)];
  return (
    <Row gutter={[12, 12]}>
      {ordered.map((item) => (
        <Col key={item.kind} xs={24} sm={12} xl={8} xxl={6}>
          <TodoCard item={item} />
        </Col>
      ))}
    </Row>
  );
}
