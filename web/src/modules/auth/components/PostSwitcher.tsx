import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { DownOutlined, IdcardOutlined, SwapOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n';
import { mayOpen, navItemOf } from '../../common/nav';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useMe, useSession } from '../hooks/useSession';
import { postLabel } from '../utils/post-label';

/** Shows the current post (组织 + 角色); a dropdown switches post when the user holds several. */
export function PostSwitcher({ className, maxWidth }: { className?: string; maxWidth?: number | string }) {
  const me = useMe();
  const { switchPost } = useSession();
  const { message } = App.useApp();
  const t = useT();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const [switching, setSwitching] = useState(false);

  const current = me.posts.find((post) => post.id === me.currentPostId);
  const label = current ? postLabel(current) : t('auth.noPost');
  const text = (
    <span className="tw-post-text" style={{ maxWidth }} title={label}>
      {label}
    </span>
  );

  if (me.posts.length < 2) {
    return (
      <span className={`tw-post ${className ?? ''}`} aria-label={t('auth.currentPost')}>
        <IdcardOutlined />
        {text}
      </span>
    );
  }

  const onSwitch = async (postId: number) => {
    if (postId === me.currentPostId) return;
    setSwitching(true);
    try {
      const next = await switchPost(postId);
      const post = next.posts.find((p) => p.id === next.currentPostId);
      message.success(t('auth.switchedPost', { post: post ? postLabel(post) : '' }));
      // The new post sees another part of the tree: drop selections made under the old one.
      const page = navItemOf(location.pathname);
      const allowed = !page || mayOpen(page, next.permissions);
      navigate(allowed ? location.pathname : '/', { replace: true });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSwitching(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: me.currentPostId === null ? [] : [String(me.currentPostId)],
        items: [
          { key: 'title', type: 'group', label: t('auth.switchPost') },
          ...me.posts.map((post) => ({
            key: String(post.id),
            label: postLabel(post),
            extra: post.scopeName,
            disabled: post.usable === false,
          })),
        ],
        onClick: ({ key }) => void onSwitch(Number(key)),
      }}
    >
      <Button
        type="text"
        className={className}
        loading={switching}
        icon={<SwapOutlined />}
        aria-label={`${t('auth.switchPost')}：${label}`}
      >
        {text}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
