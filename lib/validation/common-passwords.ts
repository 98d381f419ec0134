/** The most common passwords from public breach corpora (top entries of the SecLists/NCSC lists), lowercase. */
export const COMMON_PASSWORDS = new Set([
  "123456", "123456789", "12345678", "password", "qwerty123", "qwerty1", "111111", "12345", "col123456",
  "123123", "1234567", "1234", "1234567890", "000000", "555555", "666666", "123321", "654321", "7777777",
  "123", "d1lakiss", "777777", "110110jp", "1111", "987654321", "121212", "gizli", "abc123", "112233",
  "azerty", "159753", "1q2w3e4r", "54321", "pass@123", "222222", "qwertyuiop", "qwerty", "123654",
  "iloveyou", "a1b2c3", "password1", "password123", "password!", "passw0rd", "p@ssw0rd", "p@ssword",
  "letmein", "letmein1", "welcome", "welcome1", "welcome123", "admin", "admin123", "administrator",
  "monkey", "dragon", "football", "baseball", "sunshine", "princess", "master", "shadow", "superman",
  "trustno1", "starwars", "whatever", "freedom", "michael", "jennifer", "hello123", "charlie",
  "1q2w3e4r5t", "1qaz2wsx", "zaq12wsx", "qazwsx", "asdfghjkl", "asdfgh", "zxcvbnm", "11111111",
  "00000000", "12341234", "88888888", "87654321", "computer", "internet", "changeme", "secret",
  "default", "login", "access", "master123", "qwer1234", "abcd1234", "abcdefg", "abcdefgh", "aa123456",
  "iloveyou1", "football1", "baseball1", "princess1", "sunshine1", "123qwe", "1qazxsw2", "q1w2e3r4",
  "q1w2e3r4t5", "qwe123", "passpass", "test1234", "testtest", "humanrights", "changeme123",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}
