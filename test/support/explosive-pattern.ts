/** The issue-16 explosive pattern: a → followedByAny b+ → followedByAny c, no window. */
import { Pattern } from '../../engine/format/builder';

export const explosivePattern = (): Pattern =>
  Pattern.begin('a')
    .where("name == 'a'")
    .followedByAny('b')
    .where("name == 'b'")
    .oneOrMore()
    .followedByAny('c')
    .where("name == 'c'");
