// The folding and 2-grams behind Japanese search: what makes ﾔﾏﾀﾞ, ヤマダ, やまだ and yamada meet.
import { describe, expect, it } from 'vitest';
import { documentGrams, fieldGrams, fold, matchExpression, queryForms, searchable } from '../../../../electron/core/customers/search-text';

describe('search text', () => {
  it('folds width, script and case', () => {
    expect(fold('ﾔﾏﾀﾞ')).toBe('やまだ');
    expect(fold('ヤマダ')).toBe('やまだ');
    expect(fold('ＹＡＭＡＤＡ')).toBe('yamada');
    expect(searchable('０９０－１２３４－５６７８')).toBe('09012345678');
    expect(searchable('山田 太郎')).toBe('山田太郎');
  });

  it('a field becomes its 2-grams and its last character; fields never join', () => {
    expect(fieldGrams('佐藤')).toEqual(['佐藤', '藤']);
    expect(fieldGrams('晶')).toEqual(['晶']);
    expect(fieldGrams(' - ')).toEqual([]);
    expect(documentGrams(['山田', 'やまだ'])).toBe('山田 田 やま まだ だ');
    // Characters outside the basic plane (𠮷) stay whole.
    expect(fieldGrams('𠮷田')).toEqual(['𠮷田', '田']);
  });

  it('romaji is searched as itself and as its reading; a consonant still being typed is dropped from the reading', () => {
    expect(queryForms('yamada')).toEqual(['yamada', 'やまだ']);
    expect(queryForms('Yamada Taro')).toEqual(['yamadataro', 'やまだたろ']);
    expect(queryForms('yamad')).toEqual(['yamad', 'やま']);
    expect(queryForms('taro@example.jp')).toEqual(['taroexamplejp']);
    expect(queryForms('090-1234')).toEqual(['0901234']);
    expect(queryForms('  ')).toEqual([]);
  });

  it('a query is a phrase of its 2-grams, or a prefix for one character', () => {
    expect(matchExpression('山田太郎')).toBe('"山田 田太 太郎"');
    expect(matchExpression('山')).toBe('"山"*');
    expect(matchExpression('yamada')).toBe('"ya am ma ad da" OR "やま まだ"');
    expect(matchExpression('"')).toBeNull();
  });
});
