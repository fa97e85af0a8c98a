import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import docNames from './eslint-doc-names.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('doc-names', docNames, {
  valid: [
    '/** moveTo puts the playhead at a position. */\nexport function moveTo() {}',
    '/** MAX_EVENTS bounds a run. */\nexport const MAX_EVENTS = 2;',
    'class A {\n  /** stepSwitch jumps to the next switch. */\n  stepSwitch() {}\n}',
    '/** The page, in words: not a name. */\nconst page = 1;',
    '/** CPython is the reference; a proper noun, not a name in code. */\ninterface Options { gil: boolean }',
    '/** seekTo is the old name. */\n\nfunction moveTo() {}',
  ],
  invalid: [
    {
      code: '/** seekTo puts the playhead at a position. */\nfunction moveTo() {}',
      errors: [{ messageId: 'mismatch' }],
    },
    {
      code: '/** killedMessage is shown on a kill. */\nexport const KILLED_MESSAGE = "";',
      errors: [{ messageId: 'mismatch' }],
    },
    {
      code: 'interface Host {\n  /** seekX maps x to time. */\n  xForTime(t: number): number;\n}',
      errors: [{ messageId: 'mismatch' }],
    },
    { code: '/** OLD_LIMIT bounds a run. */\nexport type Limit = number;', errors: [{ messageId: 'mismatch' }] },
  ],
});
