import { Suspense, useState, type ReactNode } from 'react';
import { App, Button, Drawer, Flex, Grid, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FireOutlined,
  FlagOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLang, useT } from '../../../i18n';
import { PostSwitcher } from '../../auth/components/PostSwitcher';
import { PASSWORD_PATH } from '../../auth/components/RequireAuth';
import { useMe, useSession } from '../../auth/hooks/useSession';
import { postLabel } from '../../auth/utils/post-label';
import { mayOpen, NAV_ITEMS, navItemOf } from '../nav';
import { BrandMark } from './BrandMark';
import { FullPageSpin } from './FullPageSpin';
import { LanguageSwitch } from './LanguageSwitch';

const NAV_ICONS: Record<string, ReactNode> = {
  '/': <DashboardOutlined />,
  '/orgs': <ApartmentOutlined />,
  '/members': <TeamOutlined />,
  '/members/stats': <BarChartOutlined />,
  '/admission': <UsergroupAddOutlined />,
  '/evaluations': <SolutionOutlined />,
  '/transfers': <SwapOutlined />,
  '/dues': <AccountBookOutlined />,
  '/workplan': <FlagOutlined />,
  '/accounts': <LockOutlined />,
  '/subject-requests': <FileProtectOutlined />,
  '/rules': <ControlOutlined />,
  '/minor-access': <SafetyCertificateOutlined />,
  '/audit': <AuditOutlined />,
  '/security-alerts': <AlertOutlined />,
  '/incidents': <FireOutlined />,
  '/me': <IdcardOutlined />,
};

/** The signed-in frame: side menu by permission, header with post, language and account actions. */
export function AppLayout() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const { logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume the desktop layout.
  const isMobile = screens.md === false;
  const [siderCollapsed, setSiderCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const currentPost = me.posts.find((post) => post.id === me.currentPostId);
  const locked = me.user.mustChangePassword;
  const menuItems: MenuProps['items'] = NAV_ITEMS.filter((item) => mayOpen(item, me.permissions)).map(
    (item) => ({
      key: item.path,
      icon: NAV_ICONS[item.path],
      disabled: locked,
      label: <Link to={item.path}>{t(item.label)}</Link>,
    }),
  );
  const selectedKey = navItemOf(location.pathname)?.path;
  // A member's own account has one page: no side menu to choose from, the page gets the width.
  const showSider = !isMobile && menuItems.length > 1;

  const onLogout = async () => {
    try {
      await logout();
    } catch {
      // the session is dropped locally either way
    }
    message.success(t('auth.loggedOut'));
    navigate('/login', { replace: true });
  };

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selectedKey ? [selectedKey] : []}
      items={menuItems}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const brand = (
    <Link to="/" className="tw-brand" aria-label={t('app.title')}>
      <BrandMark />
      <span className="tw-brand-name">{t('app.name')}</span>
      {!isMobile && <span className="tw-brand-sub">{t('app.subtitle')}</span>}
    </Link>
  );

  return (
    <Layout className="tw-shell">
      <Layout.Header className="tw-header">
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {isMobile && (
            <Button
              type="text"
              className="tw-header-btn"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {brand}
        </Flex>
        <Flex align="center" gap={isMobile ? 4 : 12} style={{ minWidth: 0 }}>
          <PostSwitcher className="tw-header-btn" maxWidth={isMobile ? '42vw' : 320} />
          {!isMobile && (
            <>
              <LanguageSwitch size="small" />
              <Tooltip title={me.user.username}>
                <span className="tw-header-user">
                  <UserOutlined /> {me.user.displayName}
                </span>
              </Tooltip>
              <Button
                type="text"
                className="tw-header-btn"
                icon={<KeyOutlined />}
                onClick={() => navigate(PASSWORD_PATH)}
              >
                {t('auth.changePassword')}
              </Button>
              <Button
                type="text"
                className="tw-header-btn"
                icon={<LogoutOutlined />}
                onClick={() => void onLogout()}
              >
                {t('auth.logout')}
              </Button>
            </>
          )}
        </Flex>
      </Layout.Header>
      <Layout>
        {showSider && (
          <Layout.Sider
            width={lang === 'en-US' ? 200 : 160}
            collapsible
            collapsed={siderCollapsed}
            onCollapse={setSiderCollapsed}
            breakpoint="lg"
            theme="light"
            className="tw-sider"
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className={isMobile ? 'tw-content tw-content-mobile' : 'tw-content'}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet key={me.currentPostId ?? 'none'} />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          title={
            <Space>
              <BrandMark size={22} />
              {t('app.name')}
            </Space>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Flex vertical style={{ height: '100%' }}>
            <div className="tw-drawer-user">
              <Typography.Text strong>{me.user.displayName}</Typography.Text>
              <Typography.Text type="secondary"> ({me.user.username})</Typography.Text>
              {currentPost && (
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                  {postLabel(currentPost)}
                </Typography.Paragraph>
              )}
            </div>
            {menu}
            <Flex vertical gap={8} className="tw-drawer-actions">
              <LanguageSwitch />
              <Button
                block
                icon={<KeyOutlined />}
                onClick={() => {
                  setDrawerOpen(false);
                  navigate(PASSWORD_PATH);
                }}
              >
                {t('auth.changePassword')}
              </Button>
              <Button block danger icon={<LogoutOutlined />} onClick={() => void onLogout()}>
                {t('auth.logout')}
              </Button>
            </Flex>
          </Flex>
        </Drawer>
      )}
    </Layout>
  );
}
