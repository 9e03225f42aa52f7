// Live hints for a new password, from the same rules the core applies (src-shared/passwords.ts, password-strength.ts).
import { List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { passwordMinLength, passwordProblems } from '../../../src-shared/passwords';
import { usePasswordStrength } from './usePasswordStrength';

export function PasswordHints({ password, loginId, related = [], id }: { password: string; loginId: string; related?: string[]; id?: string }) {
  const { t } = useTranslation();
  const problems = passwordProblems(password, loginId);
  const strength = usePasswordStrength(password, [loginId, ...related]);
  const weakReason = strength && !strength.checking && strength.weak ? t(`passwordWeakness.${strength.warning ?? 'guessable'}`, { defaultValue: t('passwordWeakness.guessable') }) : null;
  const rules = [
    { key: 'minLength', met: !problems.includes('tooShort'), text: t('passwordHints.minLength', { min: passwordMinLength }) },
    { key: 'notLoginId', met: !problems.includes('sameAsLoginId') && password !== '', text: t('passwordHints.notLoginId') },
    ...(problems.includes('tooLong') ? [{ key: 'maxLength', met: false, text: t('passwordHints.maxLength') }] : []),
    {
      key: 'strength',
      met: !!strength && !strength.checking && !strength.weak,
      text: strength?.checking ? t('passwordHints.strengthChecking') : t('passwordHints.strength'),
    },
  ];
  return (
    <div id={id} aria-live="polite">
      <Text size="sm" fw={500} mb={4}>
        {t('passwordHints.title')}
      </Text>
      <List spacing={2} size="sm" center>
        {rules.map((rule) => (
          <List.Item
            key={rule.key}
            data-rule={rule.key}
            data-met={rule.met}
            icon={
              <ThemeIcon color={rule.met ? 'teal' : 'gray'} size={18} radius="xl" aria-hidden>
                {rule.met ? <IconCheck size={12} /> : <IconX size={12} />}
              </ThemeIcon>
            }
          >
            <Text span size="sm" c={rule.met ? 'teal.8' : 'dimmed'}>
              {rule.text}
            </Text>
            <span className="visually-hidden"> ({rule.met ? t('passwordHints.met') : t('passwordHints.unmet')})</span>
          </List.Item>
        ))}
      </List>
      {weakReason && (
        <Text size="xs" c="orange.8" mt={4} data-testid="password-weakness">
          {weakReason}
        </Text>
      )}
    </div>
  );
}
