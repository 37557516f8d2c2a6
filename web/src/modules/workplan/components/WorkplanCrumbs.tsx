import { Breadcrumb } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';

type Crumb = { title: string; to?: string };

/** 工作要点 › plan › task: the way back up, each level a link but the last. */
export function WorkplanCrumbs({ items }: { items: Crumb[] }) {
  const t = useT();
  const all: Crumb[] = [{ title: t('workplan.title'), to: '/workplan' }, ...items];
  return (
    <Breadcrumb
      className="tw-wp-crumbs"
      items={all.map((item, i) => ({
        key: i,
        title: item.to && i < all.length - 1 ? <Link to={item.to}>{item.title}</Link> : item.title,
      }))}
    />
  );
}
