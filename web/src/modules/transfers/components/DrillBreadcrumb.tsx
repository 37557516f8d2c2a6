import { Breadcrumb } from 'antd';
import type { DrillStep } from '../hooks/useDrillPath';

type Props = {
  /** The name of the post's root, once the first answer told it. */
  rootName: string | undefined;
  path: DrillStep[];
  onBack: (index: number) => void;
};

/** Where the statistics stand below the post's root; each earlier level leads back. */
export function DrillBreadcrumb({ rootName, path, onBack }: Props) {
  if (path.length === 0) return null;
  const steps = [{ name: rootName ?? '…' }, ...path];
  return (
    <Breadcrumb
      items={steps.map((step, index) =>
        index === steps.length - 1
          ? { key: index, title: step.name }
          : {
              key: index,
              title: step.name,
              href: '#',
              onClick: (event: React.MouseEvent) => {
                event.preventDefault();
                onBack(index - 1);
              },
            },
      )}
    />
  );
}
