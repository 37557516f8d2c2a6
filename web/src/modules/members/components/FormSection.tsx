import { Divider } from 'antd';

/** A titled group inside a long form (基本信息, 团内信息, 联系方式). */
export function FormSection({ title }: { title: string }) {
  return (
    <Divider titlePlacement="start" className="tw-form-section">
      {title}
    </Divider>
  );
}
