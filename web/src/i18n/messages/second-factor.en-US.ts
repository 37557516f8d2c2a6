import type { secondFactorZhCN } from './second-factor.zh-CN';

/** English messages of signing in with a second factor and of an expired password. */
export const secondFactorEnUS: Record<keyof typeof secondFactorZhCN, string> = {
  'secondFactor.verifyTitle': 'Enter your one-time code',
  'secondFactor.verifyHint': 'Open the authenticator app on your phone and enter the 6 digits shown under “团务 Tuanwu”.',
  'secondFactor.enrollTitle': 'Set up your authenticator',
  'secondFactor.enrollIntro': 'Administrators and provincial and city cadres sign in with a code from an authenticator app as well as the password. Set it up now:',
  'secondFactor.enrollStep1': 'Install an authenticator app on your phone (Tencent Authenticator, Microsoft Authenticator, Google Authenticator…).',
  'secondFactor.enrollStep2': 'In the app, choose “scan a QR code” and scan the code below.',
  'secondFactor.enrollStep3': 'Enter the 6 digits the app shows to finish and sign in.',
  'secondFactor.manualKey': 'If you cannot scan, choose “enter a setup key” in the app and type:',
  'secondFactor.account': 'Account: {username}',
  'secondFactor.code': '6-digit code',
  'secondFactor.codeRequired': 'Enter the 6-digit code',
  'secondFactor.submit': 'Verify and sign in',
  'secondFactor.back': 'Back to username and password',
  'secondFactor.expiresAt': 'Finish before {time}',
  'secondFactor.keepSecret': 'The QR code and key are shown only now; do not screenshot or share them.',
  'password.expired': 'Your password has expired. Cadre and administrator accounts must change passwords regularly: set a new one before you continue.',
};
