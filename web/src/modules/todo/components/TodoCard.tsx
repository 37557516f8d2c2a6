import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import type { TodoItem } from '../types/todo';
import { TODO_KINDS, UNKNOWN_KIND } from '../utils/todo-kinds';

/** One kind of waiting work: how many, how many late or nearly late, and a link to where it is done. */
export function TodoCard({ item }: { item: TodoItem }) {
  const t = useT();
  const look = TODO_KINDS[item.kind] ?? UNKNOWN_KIND;
  const idle = item.count === 0;
  return (
    <Link to={item.link} aria-label={`${t(look.label)} ${item.count}`} data-todo-kind={item.kind} style={{ display: 'block', height: '100%' }}>
      <Card size="small" hoverable style={{ height: '100%', opacity: idle ? 0.7 : 1 }}>
        <Flex gap={12} align="start">
          <span style={{ fontSize: 22, color: idle ? '#bfbfbf' : '#c8161d', lineHeight: 1.2 }}>{look.icon}</span>
          <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong>{t(look.label)}</Typography.Text>
            <Flex align="baseline" gap={8} wrap>
              <Typography.Text style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.1, color: idle ? '#bfbfbf' : undefined }} data-testid="todo-count">
                {item.count}
              </Typography.Text>
              {item.overdue > 0 && <Tag color="red">{t('todo.overdue', { count: item.overdue })}</Tag>}
              {item.dueSoon > 0 && <Tag color="orange">{t('todo.dueSoon', { count: item.dueSoon })}</Tag>}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {idle ? t('todo.nothing') : t(look.hint)}
            </Typography.Text>
          </Flex>
        </Flex>
      </Card>
    </Link>
  );
}
