import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MAX } from './password-policy';

describe('checkPassword', () => {
  it('accepts long passphrases in any script, with no composition rules', () => {
    expect(checkPassword('correct horse battery staple')).toBeNull();
    expect(checkPassword('قهوة الصباح في غرفة الأخبار')).toBeNull();
    expect(checkPassword('alllowercasebutlong')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting code points', () => {
    expect(checkPassword('short pass1')).toBe('tooShort');
    expect(checkPassword('كلمة سر قصيرة'.slice(0, 11))).toBe('tooShort');
    expect(checkPassword('أحد عشر حرفا')).toBeNull();
  });

  it('accepts 128 characters and refuses more than the maximum', () => {
    expect(checkPassword('a quiet newsroom '.repeat(8).slice(0, 128))).toBeNull();
    expect(checkPassword('x'.repeat(PASSWORD_MAX + 1))).toBe('tooLong');
  });

  it('refuses common passwords, also with digits or punctuation around them', () => {
    expect(checkPassword('1qaz2wsx3edc')).toBe('common');
    expect(checkPassword('qazwsxedcrfv')).toBe('common');
    expect(checkPassword('Administrator')).toBe('common');
    // Arabic-Indic digits are the same keys as Western ones.
    expect(checkPassword('١٢٣٤٥٦٦٥٤٣٢١')).toBe('common');
    expect(checkPassword('password2026!')).toBe('common');
    expect(checkPassword('!!Sunshine123456')).toBe('common');
    expect(checkPassword('aaaaaaaaaaaaaa')).toBe('common');
    expect(checkPassword('abababababab')).toBe('common');
    expect(checkPassword('Sahifa2026!!')).toBe('common');
  });

  it('refuses a password that contains the e-mail name', () => {
    expect(checkPassword('layla.haddad-newsroom', { email: 'layla.haddad@sahifa.test' })).toBe('containsIdentity');
    expect(checkPassword('a different phrase', { email: 'layla.haddad@sahifa.test' })).toBeNull();
  });
});
