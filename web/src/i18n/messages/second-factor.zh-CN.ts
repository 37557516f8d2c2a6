/** Chinese messages of signing in with a second factor and of an expired password. */
export const secondFactorZhCN = {
  'secondFactor.verifyTitle': '输入动态验证码',
  'secondFactor.verifyHint': '打开手机上的身份验证器应用，输入“团务 Tuanwu”下当前显示的6位数字。',
  'secondFactor.enrollTitle': '绑定身份验证器',
  'secondFactor.enrollIntro': '按等级保护要求，管理员和省、市级团干部登录时还需输入手机验证器上的动态验证码。首次登录请先完成绑定：',
  'secondFactor.enrollStep1': '在手机上安装身份验证器应用（如腾讯身份验证器、Microsoft Authenticator、Google 身份验证器）。',
  'secondFactor.enrollStep2': '在应用中选择“扫描二维码”，扫描下方二维码。',
  'secondFactor.enrollStep3': '输入应用中显示的6位数字，完成绑定并登录。',
  'secondFactor.manualKey': '无法扫码时，在应用中选择“手动输入密钥”，输入：',
  'secondFactor.account': '账号：{username}',
  'secondFactor.code': '6位动态验证码',
  'secondFactor.codeRequired': '请输入6位数字验证码',
  'secondFactor.submit': '验证并登录',
  'secondFactor.back': '返回，重新输入用户名和密码',
  'secondFactor.expiresAt': '请在 {time} 前完成验证',
  'secondFactor.keepSecret': '二维码和密钥只在本次绑定时显示，请勿截图或转发给他人。',
  'password.expired': '您的密码已超过有效期。按等级保护要求，干部和管理员账号须定期更换密码，请先设置新密码后再继续使用。',
} as const;
