import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7990);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4193:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Pg: () => (/* binding */ SMALL_FILE),
  tE: () => (/* binding */ absPathOf),
  DC: () => (/* binding */ hashFile),
  jH: () => (/* binding */ walkSource)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
var promises_default = /*#__PURE__*/__nccwpck_require__.n(promises_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(5919);
;// CONCATENATED MODULE: ./src/io/hash-pool.ts
// MD5 of many files on the other cores: worker threads take batches of files from one queue while the main
// thread walks the tree and serves the bucket listing (it hashes only until a thread is online, or alone for a
// small site or a single core). Every thread reads through one reused 1 MiB buffer: no allocation per file, and
// memory does not grow with file size. One worker per further core, at most 3: measured on 2 cores, a second
// worker made the 20,000-file redeploy slower (5.88 s vs 4.75 s), the cores being shared with the listing.




const SLICE = 1024 * 1024;
const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;
/** Below this much to hash, a worker's start-up (~30 ms) costs more than it saves. */
const MIN_BYTES_FOR_WORKERS = 8 * 1024 * 1024;
/** What a worker runs: the same reading and hashing as hashSync below, as plain CommonJS. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const slice = Buffer.allocUnsafe(${SLICE});
function md5Of(job) {
  const h = createHash('md5');
  const fd = fs.openSync(job.abs, 'r');
  try {
    let n;
    while ((n = fs.readSync(fd, slice, 0, slice.length, null)) > 0) h.update(slice.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}
parentPort.on('message', (jobs) => {
  try {
    parentPort.postMessage({ md5s: jobs.map(md5Of) });
  } catch (err) {
    parentPort.postMessage({ error: { message: err.message, code: err.code } });
  }
});
`;
/** The worker only hashes through its one buffer: a small heap keeps its resident memory small. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };
let mainSlice = null;
function hashSync(job) {
    const slice = (mainSlice ??= Buffer.allocUnsafe(SLICE));
    const h = (0,external_node_crypto_.createHash)('md5');
    const fd = external_node_fs_default().openSync(job.abs, 'r');
    try {
        let n;
        while ((n = external_node_fs_default().readSync(fd, slice, 0, slice.length, null)) > 0)
            h.update(slice.subarray(0, n));
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
    return h.digest('hex');
}
/** Consecutive runs of files, at most BATCH_FILES or BATCH_BYTES each (a large file is a batch of its own). */
function batchesOf(jobs) {
    const out = [];
    let start = 0;
    let bytes = 0;
    for (let i = 0; i < jobs.length; i++) {
        if (i > start && (i - start >= BATCH_FILES || bytes + jobs[i].size > BATCH_BYTES)) {
            out.push([start, i]);
            start = i;
            bytes = 0;
        }
        bytes += jobs[i].size;
    }
    if (start < jobs.length)
        out.push([start, jobs.length]);
    return out;
}
/** One worker per core beyond the first, at most 3. */
function defaultWorkers() {
    const cores = typeof (external_node_os_default()).availableParallelism === 'function' ? external_node_os_default().availableParallelism() : external_node_os_default().cpus().length;
    return Math.max(0, Math.min(3, cores - 1));
}
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));
function startHashPool(workers = defaultWorkers()) {
    const threads = [];
    const queue = [];
    const counts = { workers: 0, main: 0 };
    const ready = () => threads.some((t) => t.ready && !t.exited);
    const dispatch = () => {
        for (const t of threads) {
            if (!t.ready || t.exited || t.task || queue.length === 0)
                continue;
            t.task = queue.shift();
            t.worker.postMessage(t.task.jobs.map((j) => ({ abs: j.abs, size: j.size })));
        }
    };
    for (let i = 0; i < workers; i++) {
        let worker;
        try {
            worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true, resourceLimits: WORKER_LIMITS });
        }
        catch {
            break; // no threads here: the main thread hashes
        }
        const t = { worker, ready: false, task: null };
        worker.once('online', () => {
            t.ready = true;
            dispatch();
        });
        worker.on('message', (msg) => {
            const task = t.task;
            t.task = null;
            if (task) {
                if (msg.md5s) {
                    counts.workers++;
                    task.resolve(msg.md5s);
                }
                else
                    task.reject(Object.assign(new Error(msg.error?.message ?? 'hash worker: no result'), { code: msg.error?.code }));
            }
            dispatch();
        });
        const lost = () => {
            // A thread that has ended is never given work again; its batch goes back to the queue.
            t.exited = true;
            if (t.task)
                queue.unshift(t.task);
            t.task = null;
            if (!ready())
                void drainOnMain();
        };
        worker.on('error', lost);
        worker.once('exit', lost);
        threads.push(t);
    }
    let draining = false;
    async function drainOnMain() {
        if (draining)
            return;
        draining = true;
        try {
            while (queue.length > 0 && !ready()) {
                const task = queue.shift();
                try {
                    task.resolve(task.jobs.map(hashSync));
                    counts.main++;
                }
                catch (err) {
                    task.reject(err);
                }
                await yieldToEventLoop();
            }
        }
        finally {
            draining = false;
        }
    }
    return {
        hashAll: async (jobs, opts = {}) => {
            const batches = batchesOf(jobs);
            const bytes = jobs.reduce((sum, j) => sum + j.size, 0);
            const progress = (n) => opts.onBatch?.(n);
            if (bytes < (opts.minBytesForWorkers ?? MIN_BYTES_FOR_WORKERS) || threads.every((t) => t.exited)) {
                // Small: the main thread alone, in batches with the event loop running between them.
                const md5s = [];
                for (const [start, end] of batches) {
                    for (let i = start; i < end; i++)
                        md5s.push(hashSync(jobs[i]));
                    counts.main++;
                    progress(end - start);
                    await yieldToEventLoop();
                }
                return md5s;
            }
            const parts = batches.map(([start, end]) => new Promise((resolve, reject) => {
                queue.push({
                    jobs: jobs.slice(start, end),
                    resolve: (m) => {
                        progress(m.length);
                        resolve(m);
                    },
                    reject,
                });
            }));
            dispatch();
            if (!ready())
                void drainOnMain();
            return (await Promise.all(parts)).flat();
        },
        close: async () => {
            queue.length = 0;
            await Promise.all(threads.map((t) => t.worker.terminate()));
        },
        batches: counts,
    };
}

// EXTERNAL MODULE: ./src/model/data.ts
var data = __nccwpck_require__(6681);
;// CONCATENATED MODULE: ./src/io/files.ts
// Walk and hash the build directory safely: no symlink leaves it, hidden files stay home, memory does not
// grow with file size (streamed hashing).








const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/**
 * Files up to this size are read whole: a stream allocates a full highWaterMark buffer per read, which for many
 * small files costs more than the hashing (20,000 files of 1-50 KiB: 14.4 s streamed vs 2.4 s read on Node 24).
 */
const SMALL_FILE = 1024 * 1024;
/** MD5 of the whole file and, when `partSize` is given, the S3 multipart ETag md5(md5(p1)..md5(pN))-N. */
async function hashFile(absPath, partSize) {
    const whole = (0,external_node_crypto_.createHash)('md5');
    const partDigests = [];
    let part = partSize ? (0,external_node_crypto_.createHash)('md5') : null;
    let inPart = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(absPath, { highWaterMark: 1024 * 1024 })) {
        whole.update(chunk);
        if (!part || !partSize)
            continue;
        let offset = 0;
        while (offset < chunk.length) {
            const take = Math.min(partSize - inPart, chunk.length - offset);
            part.update(chunk.subarray(offset, offset + take));
            inPart += take;
            offset += take;
            if (inPart === partSize) {
                partDigests.push(part.digest());
                part = (0,external_node_crypto_.createHash)('md5');
                inPart = 0;
            }
        }
    }
    if (part && inPart > 0)
        partDigests.push(part.digest());
    const md5 = whole.digest('hex');
    if (!partSize || partDigests.length === 0)
        return { md5 };
    const multipartEtag = `${(0,external_node_crypto_.createHash)('md5').update(Buffer.concat(partDigests)).digest('hex')}-${partDigests.length}`;
    return { md5, multipartEtag };
}
const files_yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));
function isInside(root, target) {
    const rel = external_node_path_default().relative(root, target);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
async function walkSource(sourceDir, opts) {
    // The hash threads boot while the tree is walked, and hash what it has found at every pause of the walk.
    const pool = startHashPool(opts.hashWorkers);
    const found = [];
    const parts = [];
    let submitted = 0;
    let hashed = 0;
    /** Queue the files found since the last call. A site found in one go may stay on the main thread (small). */
    const submit = () => {
        const part = pool.hashAll(found.slice(submitted), {
            ...(parts.length > 0 || !walked ? { minBytesForWorkers: 0 } : {}),
            onBatch: (n) => {
                const before = hashed;
                hashed += n;
                if (opts.onProgress && Math.floor(hashed / 1000) > Math.floor(before / 1000))
                    opts.onProgress(hashed);
            },
        });
        part.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
        parts.push(part);
        submitted = found.length;
    };
    let walked = false;
    try {
        const root = await promises_default().realpath(sourceDir);
        const pause = () => {
            if (found.length > submitted)
                submit();
        };
        const w = { root, opts, found, skipped: [], warnings: [], sliceStart: Date.now(), pause };
        await walkDir(w, root, '', new Set([root]));
        walked = true;
        if (found.length > submitted || parts.length === 0)
            submit();
        const md5s = (await Promise.all(parts)).flat();
        const files = found.map((f, i) => ({ path: f.rel, size: f.size, md5: md5s[i] }));
        const manifests = await readManifests(root, found, opts.manifestGlobs);
        return { files, skipped: w.skipped, warnings: w.warnings, manifests };
    }
    finally {
        await pool.close();
    }
}
// A symlink may give one directory a second name (both are deployed); only a link back to an ancestor
// of the current directory is a loop.
// Synchronous fs calls: one syscall each instead of a thread-pool round trip, which for many small entries
// is most of the cost. The walk runs in slices of about 40 ms, between which the concurrent listing's
// responses are handled: yielding at every directory let the listing's parsing starve the walk (and the hash
// threads waiting for it) on a redeploy.
const WALK_SLICE_MS = 40;
async function walkDir(w, absDir, relDir, ancestors) {
    if (Date.now() - w.sliceStart > WALK_SLICE_MS) {
        w.pause();
        await files_yieldToEventLoop();
        w.sliceStart = Date.now();
    }
    const entries = external_node_fs_default().readdirSync(absDir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries)
        await visitEntry(w, entry, absDir, relDir, ancestors);
}
/** One directory entry: descend into a directory, keep a file, or record why it is skipped. */
async function visitEntry(w, entry, absDir, relDir, ancestors) {
    const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
    const abs = external_node_path_default().join(absDir, entry.name);
    const kind = entry.isSymbolicLink() ? followSymlink(w, abs, rel) : { real: abs, isDir: entry.isDirectory(), isFile: entry.isFile() };
    if (!kind)
        return;
    const { real, isDir, isFile } = kind;
    if (isDir) {
        if (!w.opts.filter.mayDescend(rel)) {
            w.skipped.push({ path: `${rel}/`, reason: w.opts.filter.skipReason(`${rel}/x`) ?? 'dotfile' });
            return;
        }
        if (ancestors.has(real)) {
            w.warnings.push(`Skipped symlink ${rel}: it loops back to one of its parent directories`);
            return;
        }
        await walkDir(w, real, rel, new Set(ancestors).add(real));
    }
    else if (isFile) {
        const reason = w.opts.filter.skipReason(rel);
        if (reason) {
            w.skipped.push({ path: rel, reason });
            return;
        }
        w.found.push({ rel, abs: real, size: external_node_fs_default().statSync(real).size });
    }
}
/** Where a symlink leads and what is there, or null (recorded as skipped) when it is broken, leaves the tree or is hidden. */
function followSymlink(w, abs, rel) {
    let real;
    try {
        real = external_node_fs_default().realpathSync(abs);
    }
    catch {
        w.warnings.push(`Skipped broken symlink ${rel}`);
        w.skipped.push({ path: rel, reason: 'symlink-outside' });
        return null;
    }
    if (!isInside(w.root, real)) {
        w.warnings.push(`Skipped symlink ${rel}: it points outside source-dir, so it is never followed or uploaded`);
        w.skipped.push({ path: rel, reason: 'symlink-outside' });
        return null;
    }
    // A link with an ordinary name must not publish what the filter hides (`gitlink -> .git`, `env.txt -> .env`).
    const target = external_node_path_default().relative(w.root, real).split((external_node_path_default()).sep).join('/');
    if (target !== '' && (0,data/* hasHiddenSegment */.k)(target)) {
        w.warnings.push(`Skipped symlink ${rel}: it points to the hidden path ${target}`);
        w.skipped.push({ path: rel, reason: 'dotfile' });
        return null;
    }
    const st = external_node_fs_default().statSync(real);
    return { real, isDir: st.isDirectory(), isFile: st.isFile() };
}
async function readManifests(root, found, manifestGlobs) {
    const isManifest = picomatch_default()(manifestGlobs, { dot: true });
    const manifests = {};
    for (const f of found) {
        if (isManifest(f.rel) && f.size <= MAX_MANIFEST_BYTES)
            manifests[f.rel] = await promises_default().readFile(f.abs, 'utf8');
    }
    // Manifests in hidden dirs (.vite/manifest.json) are evidence even though they are not deployed.
    for (const glob of manifestGlobs) {
        if (glob.includes('*') || manifests[glob] !== undefined)
            continue;
        const abs = external_node_path_default().join(root, glob);
        try {
            const st = await promises_default().lstat(abs);
            if (st.isFile() && st.size <= MAX_MANIFEST_BYTES)
                manifests[glob] = await promises_default().readFile(abs, 'utf8');
        }
        catch {
            /* not present */
        }
    }
    return manifests;
}
/** Absolute path of a deployable file (symlinks inside the tree resolved by the OS). */
function absPathOf(sourceDir, relPath) {
    return external_node_path_default().join(sourceDir, ...relPath.split('/'));
}


/***/ }),

/***/ 1566:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ isPreconditionFailed),
/* harmony export */   k: () => (/* binding */ PreconditionFailedError)
/* harmony export */ });
/** A write's condition did not hold (S3 412 PreconditionFailed, or 409 ConditionalRequestConflict). */
class PreconditionFailedError extends Error {
    key;
    condition;
    status;
    name = 'PreconditionFailed';
    constructor(key, condition, status, options) {
        const what = 'ifNoneMatch' in condition ? 'If-None-Match: *' : `If-Match: ${condition.ifMatch}`;
        super(`conditional write of ${key} refused (${what}; HTTP ${status})`, options);
        this.key = key;
        this.condition = condition;
        this.status = status;
    }
}
/**
 * Whether `err` says a conditional write's precondition did not hold: a PreconditionFailedError from putText, or
 * an SDK error with S3's 412 PreconditionFailed / 409 ConditionalRequestConflict.
 */
function isPreconditionFailed(err) {
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    return (e.name === 'PreconditionFailed' ||
        e.name === 'ConditionalRequestConflict' ||
        e.Code === 'PreconditionFailed' ||
        e.Code === 'ConditionalRequestConflict' ||
        e.$metadata?.httpStatusCode === 412);
}


/***/ }),

/***/ 7990:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ main_run)
});

// UNUSED EXPORTS: MULTIPART_THRESHOLD, PART_SIZE

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
;// CONCATENATED MODULE: ./src/plan/event-commit.ts
// Which commit a run builds (and so deploys), read from the event. Pure.
//
// GITHUB_SHA is that commit for a push, but not for every event: for workflow_run it is the tip of the default
// branch (the commit built is workflow_run.head_sha), for pull_request a merge commit GitHub made (merge
// commits of successive pushes never descend from one another; the pull request's own commits do, and
// pull_request.head.sha is the latest), and for pull_request_target the base branch's tip. The ledger
// records this commit and the older-commit guard orders by it.
const SHA = /^[0-9a-f]{40}$/i;
const ZERO = /^0+$/;
const str = (v) => (typeof v === 'string' ? v : '');
const field = (v, key) => (typeof v === 'object' && v !== null ? v[key] : undefined);
function eventCommit(eventName, payload, githubSha) {
    const plain = { sha: githubSha, source: 'GITHUB_SHA', forced: false };
    if (eventName === 'workflow_run') {
        const head = str(field(payload.workflow_run, 'head_sha'));
        return SHA.test(head) ? { ...plain, sha: head, source: 'workflow_run.head_sha' } : plain;
    }
    // pull_request, pull_request_target, pull_request_review, pull_request_review_comment.
    if (eventName.startsWith('pull_request')) {
        const head = str(field(field(payload.pull_request, 'head'), 'sha'));
        return SHA.test(head) ? { ...plain, sha: head, source: 'pull_request.head.sha' } : plain;
    }
    if (eventName === 'push') {
        const forced = payload.forced === true;
        // GITHUB_SHA is the pushed commit (for an annotated tag, `after` is the tag object, not a commit).
        if (githubSha)
            return { ...plain, forced };
        const after = str(payload.after);
        return SHA.test(after) && !ZERO.test(after) ? { sha: after, source: 'push after', forced } : { ...plain, forced };
    }
    return plain;
}
/** The push replaced this commit (`before`), or null (a new branch or tag, or not a push). */
function pushedOver(eventName, payload) {
    if (eventName !== 'push')
        return null;
    const before = str(payload.before);
    return SHA.test(before) && !ZERO.test(before) ? before : null;
}

;// CONCATENATED MODULE: ./src/context.ts
// The GitHub run context, read once from the environment the runner sets.


function readContext(env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH && external_node_fs_default().existsSync(env.GITHUB_EVENT_PATH)) {
        payload = JSON.parse(external_node_fs_default().readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const sha = env.GITHUB_SHA ?? '';
    const head = eventCommit(eventName, payload, sha);
    return {
        eventName,
        payload,
        sha,
        headSha: head.sha,
        headSource: head.source,
        forced: head.forced,
        repository: env.GITHUB_REPOSITORY ?? 'local/local',
        runId: env.GITHUB_RUN_ID ?? `local-${Date.now()}`,
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/model/limits.ts
// CloudFront's limits and prices: the one place they are written down.
/** Paths per invalidation batch (CreateInvalidation); also the most `max-paths` may be. */
const MAX_PATHS_PER_BATCH = 3000;
/** File (non-wildcard) paths in flight per distribution. */
const MAX_IN_FLIGHT_PATHS = 3000;
/** Wildcard paths in flight per distribution. */
const MAX_IN_FLIGHT_WILDCARDS = 15;
/** Invalidation paths free each month (account-wide), then USD_PER_PATH each; a wildcard is one path. */
const FREE_PATHS_PER_MONTH = 1000;
const USD_PER_PATH = 0.005;

// EXTERNAL MODULE: ./src/plan/headers.ts + 6 modules
var plan_headers = __nccwpck_require__(8120);
;// CONCATENATED MODULE: ./src/plan/url-path.ts
// Keys <-> URL paths, index documents, and CloudFront's path encoding. Pure.
/** S3 key for a file of the build dir. */
function keyFor(prefix, relPath) {
    return prefix + relPath;
}
/**
 * URL path at which a distribution serves `key`, or null if the key is outside the distribution's origin
 * path (CloudFront prepends OriginPath to the request path: URL path = '/' + key without it). A key ending in
 * `/` (a `strip-index-html` copy such as `docs/`) is served at the directory URL `/docs/`.
 */
function urlPathForKey(key, originPath) {
    if (!key.startsWith(originPath))
        return null;
    return '/' + key.slice(originPath.length);
}
/** The index document name S3 (and most static hosts) use when none is configured. */
const DEFAULT_INDEX_DOCUMENT = 'index.html';
function indexDocumentOf(opts) {
    const name = opts.indexDocument ?? DEFAULT_INDEX_DOCUMENT;
    if (name === '' || name.includes('/') || name.includes('*')) {
        throw new RangeError(`index document must be a plain file name such as index.html (got ${JSON.stringify(name)})`);
    }
    return name;
}
/**
 * Every URL under which CloudFront may have cached the object at `urlPath`, the path itself first:
 * - an index document is also cached at its directory (`/docs/index.html` -> `/docs/`; `/index.html` -> `/`),
 *   and at the directory without its slash (`/docs`) with `withoutSlash` or the `clean` style (never for `/`);
 * - a directory URL (`/docs/`, the URL of a `strip-index-html` key `docs/`) adds `/docs` the same way;
 * - in the `clean` style, `/about.html` is also `/about` (only `.html`; `/docs/index` for an index document
 *   is not added: nothing links to it).
 * Paths holding a `*` (manual wildcards) are returned as they are. The index document name is case-sensitive,
 * as in S3.
 */
function urlForms(urlPath, withoutSlash = false, opts = {}) {
    if (urlPath.includes('*'))
        return [urlPath];
    const index = indexDocumentOf(opts);
    const slashless = withoutSlash || opts.urlStyle === 'clean';
    const dirForms = (dir) => (slashless && dir !== '/' ? [dir, dir.slice(0, -1)] : [dir]);
    if (urlPath.endsWith('/' + index))
        return [urlPath, ...dirForms(urlPath.slice(0, -index.length))];
    if (urlPath.endsWith('/'))
        return dirForms(urlPath);
    if (opts.urlStyle === 'clean' && urlPath.endsWith('.html') && !urlPath.endsWith('/.html')) {
        return [urlPath, urlPath.slice(0, -'.html'.length)];
    }
    return [urlPath];
}
/**
 * `strip-index-html`: the extra key (relative to `prefix`, like `relPath`) under which a directory's index
 * document is also stored, so a plain S3 REST origin serves `/docs/` without a rewrite function:
 * `docs/index.html` -> `docs/`. The root index document gets no extra key (S3 has no empty key; the root URL
 * is served through the distribution's DefaultRootObject), as Hugo's `stripIndexHTML` also leaves it alone.
 * Returns null when `relPath` is not an index document below the root.
 */
function strippedKeyFor(relPath, indexDocument = DEFAULT_INDEX_DOCUMENT) {
    const index = indexDocumentOf({ indexDocument });
    if (!relPath.endsWith('/' + index))
        return null;
    const dir = relPath.slice(0, -index.length);
    return dir === '/' ? null : dir;
}
// RFC 1738 "unsafe" characters, which CloudFront expects percent-encoded in invalidation paths, and `?`, which it
// reads as the start of a query string (a key holding `?` is requested as `%3F`); everything else ASCII-printable is
// sent as is (encoding it would make CloudFront miss the cached object).
const UNSAFE = new Set([' ', '"', '<', '>', '#', '%', '{', '}', '|', '\\', '^', '~', '[', ']', '`', '?']);
/**
 * Two marks the decoded form may hold beside the key's own characters (S3 keys are XML text, which cannot hold
 * U+0000 or U+0001, so neither is ever a key's character):
 * - QUERY_MARK: where the query string starts (sent as `?`): `/docs/` + QUERY_MARK + `*` is `/docs/?*`, every
 *   query-string variant of `/docs/` and nothing else;
 * - ESCAPED_BYTE followed by one character whose code (0-255) is a byte: an escape the user wrote (`%2F` in a
 *   `paths` entry) that must reach CloudFront as written, not decoded to `/`.
 */
const QUERY_MARK = '\u0000';
const ESCAPED_BYTE = '\u0001';
const hex = (byte) => '%' + byte.toString(16).toUpperCase().padStart(2, '0');
/**
 * Percent-encode a decoded URL path for an invalidation: UTF-8 bytes of non-ASCII characters, control
 * characters, RFC 1738 unsafe characters and `?`; case kept; a trailing `*` wildcard is kept as is; the marks
 * become `?` and the escape written. The input is always the decoded path (S3 key bytes), so nothing is ever
 * double-encoded.
 */
function encodeCloudFrontPath(decoded) {
    const wildcard = decoded.endsWith('*') && !decoded.endsWith(ESCAPED_BYTE + '*');
    const body = wildcard ? decoded.slice(0, -1) : decoded;
    let out = '';
    for (let i = 0; i < body.length;) {
        const ch = String.fromCodePoint(body.codePointAt(i));
        i += ch.length;
        if (ch === QUERY_MARK) {
            out += '?';
        }
        else if (ch === ESCAPED_BYTE && i < body.length) {
            out += hex(body.charCodeAt(i) & 0xff);
            i++;
        }
        else if (ch.codePointAt(0) < 0x21 || ch.codePointAt(0) >= 0x7f || UNSAFE.has(ch)) {
            for (const byte of Buffer.from(ch, 'utf8'))
                out += hex(byte);
        }
        else {
            out += ch;
        }
    }
    return wildcard ? out + '*' : out;
}
/** A decoded path as a person reads it (the report, the summary): the URL with the marks shown as sent. */
function readableUrlPath(decoded) {
    if (!decoded.includes(QUERY_MARK) && !decoded.includes(ESCAPED_BYTE) && !decoded.includes('?'))
        return decoded;
    let out = '';
    for (let i = 0; i < decoded.length; i++) {
        const ch = decoded[i];
        if (ch === QUERY_MARK)
            out += '?';
        else if (ch === ESCAPED_BYTE && i + 1 < decoded.length)
            out += hex(decoded.charCodeAt(++i) & 0xff);
        else if (ch === '?')
            out += '%3F';
        else
            out += ch;
    }
    return out;
}
/**
 * A URL path as a user writes it in `paths` to the decoded form: `%XX` escapes of UTF-8 text are decoded (the
 * encoder writes them back the same), a `?` starts the query string, and an escape the encoder would not write
 * back (`%2F`, `%3F`, `%41`, or bytes that are not UTF-8) is kept as that escape. A `%` that starts no escape
 * is a literal `%`. Never double-encodes, never turns `%2F` into `/`.
 */
function decodeUserPath(p) {
    let out = '';
    for (let i = 0; i < p.length;) {
        if (p[i] === '?') {
            out += QUERY_MARK;
            i++;
            continue;
        }
        if (p[i] !== '%' || !/^%[0-9A-Fa-f]{2}/.test(p.slice(i, i + 3))) {
            out += p[i];
            i++;
            continue;
        }
        // A run of escapes: decoded as UTF-8 where that is lossless, else each kept as written.
        const bytes = [];
        while (i < p.length && /^%[0-9A-Fa-f]{2}/.test(p.slice(i, i + 3))) {
            bytes.push(parseInt(p.slice(i + 1, i + 3), 16));
            i += 3;
        }
        out += decodeBytes(bytes);
    }
    return out;
}
function decodeBytes(bytes) {
    let out = '';
    for (let k = 0; k < bytes.length;) {
        const b = bytes[k];
        const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        let text = null;
        if (len > 0 && k + len <= bytes.length) {
            try {
                text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes.slice(k, k + len)));
            }
            catch {
                text = null;
            }
        }
        // Decoded only where the encoder writes the same escape back; otherwise kept as the escape it was.
        if (text !== null &&
            encodeCloudFrontPath(text) ===
                bytes
                    .slice(k, k + len)
                    .map(hex)
                    .join('')) {
            out += text;
            k += len;
        }
        else {
            out += ESCAPED_BYTE + String.fromCharCode(b);
            k++;
        }
    }
    return out;
}
/** Map a repo-relative file path to a URL path through the first matching `path-map` rule, or null. */
function mapRepoPath(repoPath, rules) {
    for (const { from, to } of rules) {
        // 'public/' (or 'public') matches files under that directory; 'docs/a.md' matches that file only.
        const dir = from === '' || from.endsWith('/') ? from : `${from}/`;
        if (from === '' || repoPath.startsWith(dir) || repoPath === from) {
            const rest = repoPath === from ? '' : repoPath.slice(dir.length);
            const base = to.endsWith('/') ? to : rest === '' ? to : to + '/';
            return base + rest;
        }
    }
    return null;
}

;// CONCATENATED MODULE: ./src/model/site-url.ts
// The site's base URL (`verify-url`, `preview-url`) and URLs under it. Pure.
/**
 * Validate a `verify-url` value and return it without trailing slashes, query or fragment
 * (`https://example.com/site/` -> `https://example.com/site`). Throws an Error with a one-line message when
 * it is not an absolute http(s) URL or carries credentials (fetch refuses those).
 */
function normalizeBaseUrl(baseUrl) {
    let u;
    try {
        u = new URL(baseUrl.trim());
    }
    catch {
        throw new Error(`not an absolute URL: ${JSON.stringify(baseUrl)} (expected e.g. https://www.example.com)`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        throw new Error(`not an http(s) URL: ${JSON.stringify(baseUrl)} (expected e.g. https://www.example.com)`);
    }
    if (u.username || u.password)
        throw new Error('must not contain credentials (user:password@)');
    if (u.search || u.hash)
        throw new Error(`must not contain a query or fragment: ${JSON.stringify(baseUrl)}`);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}
/**
 * The URL to request for an invalidation path under a normalized base URL. The path's percent-encoding is
 * kept byte for byte; only raw `?` and `#` (which CloudFront paths may contain but a URL would treat as
 * query / fragment) are escaped, so the whole path is sent as the path.
 */
function joinUrl(normalizedBase, path) {
    return normalizedBase + path.replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
}
/** True for a path verifyUrls can fetch as is: starts with '/', no wildcard. */
function isExactPath(path) {
    return path.startsWith('/') && !path.includes('*');
}

;// CONCATENATED MODULE: ./src/input-values.ts
// The small value parsers every input goes through: booleans, whole numbers, choices, lists, prefixes and
// durations. Each raises an InputError naming the input and the accepted form.
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input '${input}': ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
function lines(value) {
    return value
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && !s.startsWith('#'));
}
function bool(name, raw, def) {
    const v = raw.trim().toLowerCase();
    if (v === '')
        return def;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new InputError(name, `expected true or false, got '${raw}'`);
}
function input_values_int(name, raw, def, min, max, extra) {
    const v = raw.trim();
    if (v === '')
        return def;
    if (!/^-?\d+$/.test(v))
        throw new InputError(name, `expected a whole number from ${min} to ${max}, got '${raw}'`);
    const n = Number(v);
    if (extra !== undefined && n === extra)
        return n;
    if (n < min || n > max) {
        const alt = extra !== undefined ? ` (or ${extra})` : '';
        throw new InputError(name, `expected a whole number from ${min} to ${max}${alt}, got '${raw}'`);
    }
    return n;
}
function oneOf(name, raw, allowed, def) {
    const v = raw.trim();
    if (v === '')
        return def;
    if (!allowed.includes(v))
        throw new InputError(name, `expected ${allowed.join(' or ')}, got '${raw}'`);
    return v;
}
/** 'site', '/site/', '' -> 'site/' or ''. */
function normalisePrefix(raw) {
    const p = raw.trim().replace(/^\/+/, '').replace(/\/+$/, '');
    return p === '' ? '' : `${p}/`;
}
const DURATION_UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** A duration such as `7d`, `36h`, `90m`, `2w` or `0` (none), in ms. */
function parseDuration(name, raw, def) {
    const v = (raw.trim() || def).toLowerCase();
    if (v === '0')
        return 0;
    const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(v);
    if (!m)
        throw new InputError(name, `expected a duration such as 7d, 36h, 90m or 0, got '${raw}'`);
    return Math.round(Number(m[1]) * DURATION_UNITS[m[2]]);
}

;// CONCATENATED MODULE: ./src/inputs.ts
// Every input parsed and validated once into a typed Config. All input errors are raised here,
// before any AWS call, as one line naming the input and the accepted form.







const DIST_ID = /^[A-Z0-9]{8,32}$/;
// S3 bucket naming rules (general purpose buckets): 3-63 chars, lowercase letters, digits, dots, hyphens,
// starting and ending with a letter or digit, not shaped like an IP address.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
function parseDistributions(idsRaw, originRaw) {
    const entries = splitList(idsRaw);
    const origins = splitList(originRaw);
    if (origins.length > 1 && origins.length !== entries.length) {
        throw new InputError('origin-path', `give one origin path for all distributions or one per distribution (${entries.length}), got ${origins.length}`);
    }
    const seen = new Set();
    return entries.map((entry, i) => {
        // Form `E123ABC:/origin/path` sets the origin path of one distribution.
        const colon = entry.indexOf(':');
        const id = (colon >= 0 ? entry.slice(0, colon) : entry).trim();
        if (!DIST_ID.test(id)) {
            throw new InputError('distribution-id', `'${id}' is not a CloudFront distribution ID (uppercase letters and digits, e.g. E2QWRUHAPOMQZL); separate several with commas or newlines, optionally as ID:/origin/path`);
        }
        if (seen.has(id))
            throw new InputError('distribution-id', `'${id}' is listed twice`);
        seen.add(id);
        const origin = colon >= 0 ? entry.slice(colon + 1) : ((origins.length > 1 ? origins[i] : origins[0]) ?? '');
        if (origin.trim() !== '' && !origin.trim().startsWith('/')) {
            throw new InputError('origin-path', `'${origin}' must start with '/', like the OriginPath in CloudFront (e.g. /production)`);
        }
        return { id, originPath: normalisePrefix(origin) };
    });
}
function parseCacheRules(raw) {
    return lines(raw).map((line) => {
        const i = line.indexOf(':');
        if (i <= 0 || line.slice(i + 1).trim() === '') {
            throw new InputError('cache-control', `'${line}' must be 'GLOB: VALUE', e.g. '**/*.html: public, max-age=0'`);
        }
        return { glob: line.slice(0, i).trim(), value: line.slice(i + 1).trim() };
    });
}
function parsePathMap(raw, defaultFrom) {
    const given = lines(raw);
    if (given.length === 0)
        return [{ from: defaultFrom, to: '/', viaKey: true }];
    return given.map((line) => {
        const i = line.indexOf('=>');
        if (i < 0)
            throw new InputError('path-map', `'${line}' must be 'REPO_PREFIX => URL_PREFIX', e.g. 'site/public/ => /'`);
        const from = line.slice(0, i).trim().replace(/^\.\//, '').replace(/^\/+/, '');
        const to = line.slice(i + 2).trim();
        if (!to.startsWith('/'))
            throw new InputError('path-map', `URL prefix '${to}' in '${line}' must start with '/'`);
        return { from, to };
    });
}
function parseManualPath(p) {
    if (!p.startsWith('/')) {
        throw new InputError('paths', `'${p}' must start with '/' (a URL path such as /index.html or /docs/*)`);
    }
    const star = p.indexOf('*');
    if (star >= 0 && star !== p.length - 1) {
        throw new InputError('paths', `'${p}': CloudFront allows '*' only as the last character`);
    }
    // Accept both encoded (/a%20b) and plain (/a b) forms, each escape on its own (see decodeUserPath).
    return decodeUserPath(p);
}
function parseVerify(get, wait) {
    const raw = get('verify-url').trim();
    const mode = get('verify').trim() || 'warn';
    if (mode !== 'warn' && mode !== 'fail')
        throw new InputError('verify', `expected warn or fail, got '${mode}'`);
    const verifySample = input_values_int('verify-sample', get('verify-sample'), 20, 1, 1000);
    if (raw === '')
        return { verifyUrl: null, verify: mode, verifySample };
    try {
        normalizeBaseUrl(raw);
    }
    catch (err) {
        throw new InputError('verify-url', `${err.message} (expected the site's base URL, e.g. https://www.example.com)`);
    }
    if (!wait)
        throw new InputError('verify-url', 'needs wait: true (paths are checked once the invalidation has completed)');
    return { verifyUrl: raw, verify: mode, verifySample };
}
function parseTarget(get, workspace) {
    const removePrefix = bool('remove-prefix', get('remove-prefix'), false);
    const upload = !removePrefix && bool('upload', get('upload'), true);
    const sourceRaw = get('source-dir').trim();
    const bucketRaw = get('bucket').trim();
    if (upload && sourceRaw === '')
        throw new InputError('source-dir', 'required when upload is true (the build directory, e.g. dist)');
    if ((upload || removePrefix) && bucketRaw === '')
        throw new InputError('bucket', `required when ${upload ? 'upload' : 'remove-prefix'} is true (the S3 bucket name)`);
    if (bucketRaw !== '' && (!BUCKET.test(bucketRaw) || /^\d+\.\d+\.\d+\.\d+$/.test(bucketRaw) || bucketRaw.includes('..'))) {
        throw new InputError('bucket', `'${bucketRaw}' is not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens; no s3:// prefix)`);
    }
    const bucket = bucketRaw === '' ? null : bucketRaw;
    if (upload)
        return { upload: true, removePrefix: false, sourceDir: external_node_path_default().resolve(workspace, sourceRaw), bucket: bucketRaw };
    if (removePrefix && normalisePrefix(get('prefix')) === '') {
        throw new InputError('remove-prefix', 'refused for an empty or root prefix: it would delete the whole bucket (set prefix, e.g. previews/pr-12/)');
    }
    return { upload: false, removePrefix, sourceDir: null, bucket };
}
/** A key prefix: no `.` or `..` segments (S3 keeps them literally; a URL normalises them away), no empty segments. */
function parsePrefixFor(name, raw) {
    const prefix = normalisePrefix(raw);
    const segments = prefix.split('/').slice(0, -1);
    if (segments.some((s) => s === '.' || s === '..' || s === '')) {
        throw new InputError(name, `'${raw}' must be a plain key prefix such as site/ or previews/pr-12/ (no '.', '..' or empty segments)`);
    }
    return prefix;
}
/** What to invalidate where. */
function parseInvalidation(get, upload, removePrefix) {
    const invalidate = oneOf('invalidate', get('invalidate'), ['changed', 'all', 'none', 'defer'], 'changed');
    const distributions = parseDistributions(get('distribution-id'), get('origin-path'));
    const paths = splitList(get('paths')).map(parseManualPath);
    if (!upload && !removePrefix && distributions.length === 0) {
        throw new InputError('distribution-id', 'required when upload is false (invalidate-only mode has nothing else to do)');
    }
    if (paths.length > 0 && distributions.length === 0) {
        throw new InputError('paths', 'given but no distribution-id to invalidate them in');
    }
    return {
        invalidate,
        distributions,
        paths,
        invalidateDirectoryWithoutSlash: bool('invalidate-directory-without-slash', get('invalidate-directory-without-slash'), false),
        queryStrings: bool('query-strings', get('query-strings'), false),
        missingDiff: oneOf('missing-diff', get('missing-diff'), ['warn', 'all'], 'warn'),
        maxPaths: input_values_int('max-paths', get('max-paths'), 100, 1, MAX_PATHS_PER_BATCH),
    };
}
const STORAGE_CLASSES = ['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR'];
/** Per-file headers and object settings (hugo `matchers`, s3deploy `routes`). */
function parseObjectSettings(get) {
    let headerRules;
    try {
        headerRules = (0,plan_headers/* parseHeaderRules */.aA)(get('headers'));
    }
    catch (err) {
        throw new InputError('headers', err.message);
    }
    const sseRaw = get('sse').trim();
    const sse = sseRaw === '' ? null : oneOf('sse', sseRaw, ['AES256', 'aws:kms'], 'AES256');
    const sseKmsKeyId = get('sse-kms-key-id').trim() || null;
    if (sseKmsKeyId && sse !== 'aws:kms')
        throw new InputError('sse-kms-key-id', 'needs sse: aws:kms (the key encrypts objects only with SSE-KMS)');
    const storageRaw = get('storage-class').trim().toUpperCase();
    const storageClass = storageRaw === '' ? null : oneOf('storage-class', storageRaw, STORAGE_CLASSES, 'STANDARD');
    const indexDocument = get('index-document').trim() || 'index.html';
    if (indexDocument.includes('/') || indexDocument.includes('*')) {
        throw new InputError('index-document', `'${indexDocument}' must be a file name such as index.html (no '/' or '*')`);
    }
    return {
        headerRules,
        gzip: lines(get('gzip')),
        storageClass,
        sse,
        sseKmsKeyId,
        urlStyle: oneOf('url-style', get('url-style'), ['directory', 'clean'], 'directory'),
        indexDocument,
        stripIndexHtml: bool('strip-index-html', get('strip-index-html'), false),
    };
}
function parseSiteUrl(name, raw) {
    if (raw.trim() === '')
        return null;
    try {
        normalizeBaseUrl(raw);
        return raw.trim();
    }
    catch (err) {
        throw new InputError(name, `${err.message} (expected the site's URL for this deploy, e.g. https://pr-12.preview.example.com)`);
    }
}
/** Parse all inputs. `get` returns the raw input ('' when unset); `env` is process.env. */
function parseInputs(get, env) {
    const workspace = external_node_path_default().resolve(env.GITHUB_WORKSPACE || process.cwd());
    const target = parseTarget(get, workspace);
    const invalidation = parseInvalidation(get, target.upload, target.removePrefix);
    const deleteRemoved = bool('delete-removed', get('delete-removed'), false);
    if (!target.upload && deleteRemoved)
        throw new InputError('delete-removed', 'cannot be true when upload is false (nothing is synced)');
    if (invalidation.invalidate === 'defer' && target.bucket === null) {
        throw new InputError('invalidate', 'defer needs a bucket (the owed records wait there for the consolidating job)');
    }
    // The default map is `<source-dir>/ => /` in every mode: an invalidate-only job names its source-dir for it too.
    const sourceForMap = target.sourceDir ?? (get('source-dir').trim() ? external_node_path_default().resolve(workspace, get('source-dir').trim()) : null);
    const relSource = sourceForMap ? external_node_path_default().relative(workspace, sourceForMap).split((external_node_path_default()).sep).join('/') : '';
    const defaultFrom = relSource === '' || relSource.startsWith('..') ? '' : `${relSource}/`;
    const runnerTemp = env.RUNNER_TEMP || external_node_path_default().join(workspace, '.tmp');
    const wait = bool('wait', get('wait'), false);
    return {
        ...target,
        ...invalidation,
        prefix: parsePrefixFor('prefix', get('prefix')),
        region: get('region').trim() || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
        deleteRemoved,
        maxDeletes: input_values_int('max-deletes', get('max-deletes'), 256, 0, 10_000_000, -1),
        include: lines(get('include')),
        exclude: lines(get('exclude')),
        protect: lines(get('protect')),
        cacheControl: parseCacheRules(get('cache-control')),
        ...parseObjectSettings(get),
        entryDocuments: lines(get('entry-documents')),
        forceUpload: bool('force-upload', get('force-upload'), false),
        fingerprintPatterns: lines(get('fingerprint-patterns')),
        diffBase: get('diff-base').trim() || null,
        pathMap: parsePathMap(get('path-map'), defaultFrom),
        wait,
        waitTimeoutSeconds: input_values_int('wait-timeout', get('wait-timeout'), 900, 1, 86_400),
        dryRun: bool('dry-run', get('dry-run'), false),
        concurrency: input_values_int('concurrency', get('concurrency'), 16, 1, 256),
        reportPath: get('report-path').trim() || external_node_path_default().join(runnerTemp, 's3-cloudfront-deploy', 'report.json'),
        ...parseVerify(get, wait),
        githubToken: get('github-token').trim(),
        keepRemovedMs: parseDuration('keep-removed', get('keep-removed'), '7d'),
        allowOlder: bool('allow-older', get('allow-older'), false),
        statePrefix: get('state-prefix').trim() === '' ? '' : parsePrefixFor('state-prefix', get('state-prefix')),
        previewUrl: parseSiteUrl('preview-url', get('preview-url')),
        prComment: bool('pr-comment', get('pr-comment'), false),
        workspace,
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
var promises_default = /*#__PURE__*/__nccwpck_require__.n(promises_);
;// CONCATENATED MODULE: ./src/model/records.ts
// Where the action keeps its own records (the ledger, owed invalidations, the lock) and how they are told
// apart from the site's objects. Pure.
//
// By default they live in a hidden folder inside `prefix` whose name cannot be guessed
// (`.s3cfd-<random>/`): CloudFront serves whatever the origin holds, but a visitor cannot list the bucket
// (OAC grants GetObject only), so nobody can fetch the ledger and read every key of the site. The action
// finds the folder again through its own listing. `state-prefix` keeps them outside the served path
// altogether. Earlier versions used `.s3-cloudfront-deploy/`, which is migrated.
/** The records folder of earlier versions (a guessable name). */
const LEGACY_DIR = '.s3-cloudfront-deploy/';
const HIDDEN_DIR = /^\.s3cfd-[0-9a-z]{20,}\//;
const HIDDEN_SEGMENT = /^\.s3cfd-[0-9a-z]{20,}$/;
/**
 * A path relative to the prefix that belongs to the action (never synced, compared or deleted): in a records
 * folder or the lock, at any depth, since a site may hold other deploys' prefixes (previews, shards) below it.
 */
function isOwnRelPath(rel) {
    const segments = rel.split('/');
    const last = segments.length - 1;
    return segments.some((s, i) => (i < last && (HIDDEN_SEGMENT.test(s) || `${s}/` === LEGACY_DIR)) || (i === last && s === LOCK_NAME));
}
/** Every records folder the action's keys show (at any depth under the listing): where owed records can be. */
function recordDirsOf(ownKeys) {
    const dirs = new Set();
    for (const key of ownKeys) {
        const m = /^(.*\/|)owed\/[^/]+\/[^/]+\.json$/.exec(key);
        if (m)
            dirs.add(m[1]);
    }
    return [...dirs].sort();
}
/** A key of the action's records, for the site at `prefix` with records under `statePrefix` ('' = inside prefix). */
function isOwnKey(key, prefix, statePrefix) {
    if (statePrefix !== '' && key.startsWith(statePrefix))
        return true;
    return key.startsWith(prefix) && isOwnRelPath(key.slice(prefix.length));
}
/**
 * The records folder: `state-prefix` + prefix when given; else the hidden folder the listing shows, or a new
 * one named with `fresh` (random, made once per bucket and prefix).
 */
function recordsLayout(prefix, statePrefix, ownKeys, fresh) {
    const dirs = new Set();
    for (const key of ownKeys) {
        if (!key.startsWith(prefix))
            continue;
        const rel = key.slice(prefix.length);
        if (rel.startsWith(LEGACY_DIR))
            dirs.add(prefix + LEGACY_DIR);
        const hidden = HIDDEN_DIR.exec(rel);
        if (hidden)
            dirs.add(prefix + hidden[0]);
    }
    const hidden = [...dirs].filter((d) => d !== prefix + LEGACY_DIR).sort();
    const dir = statePrefix !== '' ? statePrefix + prefix : (hidden[0] ?? `${prefix}.s3cfd-${fresh}/`);
    return { dir, oldDirs: [...dirs].filter((d) => d !== dir).sort() };
}
const stateKeyIn = (dir) => `${dir}state.json`;
const owedDirIn = (dir) => `${dir}owed/`;
const lockKeyIn = (dir) => `${dir}lock.json`;
/** The fixed name every run of a prefix meets at while it finds or makes its records folder (see deployLockKeys). */
const LOCK_NAME = '.s3cfd-lock.json';
/**
 * The deploy lock of a site lives in its records folder (`lockKeyIn(dir)`), beside the ledger. Without state-prefix
 * the folder's name is random and two first deploys would make two, so a run first takes the bootstrap lock, a fixed
 * name in the prefix, only while it finds (or makes) the folder and takes the lock in it; earlier versions held that
 * name for the whole run, so it also keeps them out. With state-prefix the folder is fixed: no bootstrap.
 */
function bootstrapLockKey(prefix, statePrefix) {
    return statePrefix !== '' ? null : prefix + LOCK_NAME;
}
/**
 * The hidden records folders directly in `prefix` that `keys` show (sorted: the first is the one runs use, as
 * recordsLayout chooses).
 */
function hiddenDirsIn(prefix, keys) {
    const dirs = new Set();
    for (const key of keys) {
        if (!key.startsWith(prefix))
            continue;
        const m = HIDDEN_DIR.exec(key.slice(prefix.length));
        if (m)
            dirs.add(prefix + m[0]);
    }
    return [...dirs].sort();
}
const HIDDEN_NAME = /\.s3cfd-[0-9a-z]{20,}(?=\/|$|[^0-9a-z])/g;
/**
 * Text with every records folder's unguessable name replaced by `.s3cfd-<hidden>`: the name is what keeps the
 * ledger (every key of the site) out of reach through CloudFront, so nothing the action prints, reports or
 * summarises may hold it.
 */
function hideRecordsDir(text) {
    return text.replace(HIDDEN_NAME, '.s3cfd-<hidden>');
}
/** A record's location as it may be shown: `s3://bucket/key` with the folder's name hidden. */
function shownRecord(bucket, key) {
    return hideRecordsDir(bucket ? `s3://${bucket}/${key}` : key);
}
/**
 * The deploy locks whose holder may still be writing what the records folder `dir` (one that `recordDirsOf` gives)
 * holds: the lock in the folder, and the bootstrap name of its prefix (held for a whole run by earlier versions).
 */
function lockKeysOfRecordsDir(dir, statePrefix) {
    if (statePrefix !== '' && dir.startsWith(statePrefix))
        return [lockKeyIn(dir)];
    const m = /^(.*?)(\.s3cfd-[0-9a-z]{20,}\/|\.s3-cloudfront-deploy\/)$/.exec(dir);
    return m ? [lockKeyIn(dir), m[1] + LOCK_NAME] : [lockKeyIn(dir)];
}

;// CONCATENATED MODULE: ./src/plan/advice.ts
// Plain advice for the summary: what made this invalidation cost more than it had to. Pure.

const ASSET = /\.(m?js|css|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|otf)$/i;
function adviseInvalidation(plan, budget) {
    const out = [];
    // Assets that were overwritten in place: a content hash in their name would make them never stale.
    const mutableAssets = plan.stale.filter((s) => s.reason === 'overwritten' && ASSET.test(s.path)).map((s) => s.path);
    if (mutableAssets.length > 0) {
        const shown = mutableAssets.slice(0, 5).join(', ');
        out.push(`${mutableAssets.length} asset(s) changed in place and had to be invalidated (${shown}${mutableAssets.length > 5 ? ', ...' : ''}): ` +
            `up to $${(mutableAssets.length * USD_PER_PATH).toFixed(3)} this run past the free tier. Fingerprint them in the build ` +
            `(a content hash in the file name) and they get immutable caching and never need invalidating.`);
    }
    const collateral = plan.cover?.collateral ?? 0;
    if (collateral > 0) {
        const wild = plan.cover.paths.filter((p) => p.wildcard).length;
        out.push(`max-paths ${budget} forced ${wild} wildcard(s) that also evict ${collateral} unchanged cached object(s). ` +
            (plan.zeroCollateralBudget !== null
                ? `max-paths: ${plan.zeroCollateralBudget} would have sent a cover with no collateral (${plan.zeroCollateralBudget - budget} more billed paths at most).`
                : `No budget within CloudFront's 3,000 paths per batch avoids it.`));
    }
    return out;
}
/** Per top-level directory: stale URLs, fingerprinted changes that needed no invalidation, collateral. */
function directoryRows(stale, fingerprintedChanges, wildcards) {
    const rows = new Map();
    const row = (urlPath) => {
        const seg = urlPath.split('/')[1] ?? '';
        const dir = urlPath.indexOf('/', 1) > 0 ? `/${seg}/` : '/';
        let r = rows.get(dir);
        if (!r)
            rows.set(dir, (r = { dir, stale: 0, fingerprinted: 0, collateral: 0 }));
        return r;
    };
    for (const s of stale)
        row(s.path).stale++;
    for (const f of fingerprintedChanges)
        row(`/${f}`).fingerprinted++;
    for (const w of wildcards)
        row(w.path).collateral += w.collateral ?? 0;
    return [...rows.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/markdown.ts
// Escaping for the Markdown the action writes (job summary, pull request comment).
/** Plain text in Markdown (and table cells): no HTML, no cell breaks. */
const esc = (s) => s
    .replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'");
/** A code span that survives any path: entities are not decoded in code, but GFM tables honour `\|`. */
const code = (s) => {
    const body = s.replace(/\|/g, '\\|');
    return body.includes('`') ? `\`\` ${body} \`\`` : `\`${body}\``;
};

;// CONCATENATED MODULE: ./src/report.ts
// The JSON plan report, the outputs and the job summary: one Report value, three renderings.





/** The report of a run: from what it read, decided and did. Pure. */
function buildReport(config, facts, plan, outcome) {
    const sent = new Map((outcome?.sent ?? []).map((s) => [s.distributionId, s]));
    const wantsDiff = config.distributions.length > 0 && config.invalidate === 'changed';
    const d = facts.diff;
    return {
        version: 1,
        dryRun: config.dryRun,
        bucket: config.bucket,
        prefix: config.prefix,
        sourceDir: config.sourceDir,
        diff: wantsDiff ? { source: d.source, files: d.files?.length ?? 0, ...(d.note ? { note: d.note } : {}) } : null,
        commit: {
            sha: facts.run.headSha,
            source: facts.run.headSource,
            live: facts.state?.deploys?.[0]?.sha ?? null,
            order: facts.commitOrder.order,
            verdict: plan.commitGuard.verdict,
            reason: plan.commitGuard.reason,
            ...(facts.commitOrder.note ? { note: facts.commitOrder.note } : {}),
        },
        totals: totalsOf(facts, plan),
        files: fileReports(config, facts, plan),
        invalidations: plan.invalidations.map((p) => {
            const usage = facts.usage[p.distributionId] ?? null;
            const s = sent.get(p.distributionId);
            return {
                distributionId: p.distributionId,
                id: s?.id ?? '',
                status: s?.status ?? (config.invalidate === 'defer' && outcome && p.paths.length > 0 ? 'Deferred' : ''),
                paths: p.paths,
                wildcards: p.wildcards,
                billedPaths: p.paths.length,
                collateral: p.cover?.collateral ?? null,
                reason: p.reason,
                stale: p.stale.some((x) => readableUrlPath(x.path) !== x.path)
                    ? p.stale.map((x) => ({ ...x, path: readableUrlPath(x.path) }))
                    : p.stale,
                monthPathsBefore: usage ? usage.monthPaths : null,
                estimatedCostUsd: estimateCost(p.paths.length, usage?.monthPaths ?? null),
                // cover.paths and p.paths are in the same order (p.paths are the encoded cover paths).
                wildcardDetails: (p.cover?.paths ?? []).flatMap((c, j) => c.wildcard ? [{ path: p.paths[j], covers: c.covers, collateral: c.collateral }] : []),
                advice: adviseInvalidation(p, config.maxPaths),
            };
        }),
        warnings: [...facts.warnings, ...plan.warnings],
        timingsMs: { ...facts.timingsMs, ...outcome?.timingsMs },
        ...(facts.owed.length > 0
            ? {
                collected: facts.owed.map((r) => ({
                    key: hideRecordsDir(r.key),
                    distributionId: r.distributionId,
                    note: r.note ?? '',
                    paths: r.paths.length,
                })),
            }
            : {}),
        ...(config.previewUrl ? { url: config.previewUrl } : {}),
        ...(config.removePrefix ? { removedPrefix: true } : {}),
        ...(plan.waiting.length > 0
            ? { pendingDeletions: plan.waiting.map((w) => ({ key: w.key, dueAt: new Date(w.dueAt).toISOString() })) }
            : {}),
        ...(outcome?.error ? { error: outcome.error } : {}),
        ...(outcome?.verify ? { verify: outcome.verify } : {}),
    };
}
/** The run's counts (what the log's plan line and the summary's table show). */
function totalsOf(facts, plan) {
    const t = { uploaded: 0, unchanged: 0, deleted: 0, skipped: facts.scan?.skipped.length ?? 0, uploadedBytes: 0, fingerprinted: 0 };
    for (const e of plan.sync) {
        if (e.action === 'upload') {
            t.uploaded++;
            t.uploadedBytes += e.size;
        }
        else if (e.action === 'unchanged')
            t.unchanged++;
        else if (e.action === 'delete')
            t.deleted++;
    }
    for (const f of plan.files)
        if (f.verdict.fingerprinted)
            t.fingerprinted++;
    return t;
}
/** Why a removed fingerprinted object is still in the bucket. */
const keptReason = (dueAt) => `kept for open pages until ${dueAt}`;
function fileReports(config, facts, plan) {
    const byKey = new Map(plan.files.map((f) => [f.key, f]));
    const verdict = (p) => plan.verdicts.get(p) ?? { fingerprinted: false, reason: '' };
    const files = plan.sync.map((e) => {
        const fp = verdict(e.path);
        // An object left as it is reports the headers it has (read with HEAD), never the rules' spelling of them.
        const stored = e.action === 'unchanged' ? plan.remote.get(e.key)?.storedHeaders : undefined;
        const h = e.action === 'delete'
            ? undefined
            : stored && stored.contentType !== undefined
                ? { contentType: stored.contentType, cacheControl: stored.cacheControl ?? '' }
                : byKey.get(e.key)?.headers;
        return {
            key: e.key,
            path: e.path,
            action: e.action,
            reason: e.reason,
            size: e.size,
            fingerprinted: fp.fingerprinted,
            fingerprintReason: fp.reason,
            ...(h ? { contentType: h.contentType, cacheControl: h.cacheControl } : {}),
        };
    });
    for (const w of plan.waiting) {
        const dueAt = new Date(w.dueAt).toISOString();
        const fp = verdict(w.path);
        files.push({
            key: w.key,
            path: w.path,
            action: 'pending-delete',
            reason: keptReason(dueAt),
            size: w.size,
            dueAt,
            fingerprinted: fp.fingerprinted,
            fingerprintReason: fp.reason,
        });
    }
    for (const s of facts.scan?.skipped ?? [])
        files.push({ key: config.prefix + s.path, path: s.path, action: 'skip', reason: s.reason });
    if (!config.upload) {
        for (const f of facts.diff.files ?? []) {
            const fp = verdict(f.path);
            files.push({
                key: '',
                path: f.path,
                action: 'invalidate-only',
                reason: `diff-${f.status}`,
                fingerprinted: fp.fingerprinted,
                fingerprintReason: fp.reason,
            });
        }
    }
    return files;
}
/**
 * The most an output that lists paths may hold, in UTF-8 bytes. Workflows pass outputs to scripts through
 * `env:`, and Linux caps one environment string (NAME=value) at 128 KiB (E2BIG: the step cannot even start);
 * half of it leaves room for the name and for other outputs passed alongside.
 */
const OUTPUT_LIST_MAX_BYTES = 64 * 1024;
/** A JSON array of the first items whose JSON fits `maxBytes`, and whether that is all of them. */
function jsonArrayWithin(items, maxBytes) {
    let bytes = 2; // []
    for (let i = 0; i < items.length; i++) {
        bytes += Buffer.byteLength(JSON.stringify(items[i])) + (i > 0 ? 1 : 0);
        if (bytes > maxBytes)
            return { json: JSON.stringify(items.slice(0, i)), complete: false };
    }
    return { json: JSON.stringify(items), complete: true };
}
function outputsOf(report, reportPath) {
    const ids = {};
    for (const inv of report.invalidations)
        if (inv.id)
            ids[inv.distributionId] = inv.id;
    const first = report.invalidations.find((i) => i.id);
    const statuses = report.invalidations.filter((i) => i.id).map((i) => i.status);
    const status = statuses.length === 0 ? '' : statuses.every((s) => s === 'Completed') ? 'Completed' : 'InProgress';
    const paths = jsonArrayWithin(first?.paths ?? report.invalidations[0]?.paths ?? [], OUTPUT_LIST_MAX_BYTES);
    return {
        'invalidation-id': first?.id ?? '',
        'invalidation-ids': JSON.stringify(ids),
        // The first paths that fit OUTPUT_LIST_MAX_BYTES; the whole list is in the report file.
        'invalidation-paths': paths.json,
        'invalidation-paths-truncated': String(!paths.complete),
        'invalidation-status': status,
        uploaded: String(report.totals.uploaded),
        deleted: String(report.totals.deleted),
        unchanged: String(report.totals.unchanged),
        report: reportPath,
        url: report.url ?? '',
    };
}
/** Paths past the 1,000 free a month cost $0.005 each (the free tier is account-wide: this is a lower bound). */
function estimateCost(billed, monthPathsBefore) {
    if (monthPathsBefore === null)
        return null;
    const over = Math.max(0, monthPathsBefore + billed - FREE_PATHS_PER_MONTH) - Math.max(0, monthPathsBefore - FREE_PATHS_PER_MONTH);
    return Math.round(over * USD_PER_PATH * 1000) / 1000;
}
/** The pull request comment: the preview's URL and what the deploy did, under a hidden marker that finds it again. */
function prCommentBody(r) {
    const t = r.totals;
    const title = r.error ? 'Preview deploy failed' : r.removedPrefix ? 'Preview removed' : 'Preview deployed';
    const out = [`### ${title}${r.url && !r.removedPrefix ? `: ${r.url}` : ''}`, ''];
    out.push(`Uploaded ${t.uploaded}, unchanged ${t.unchanged}, deleted ${t.deleted} under ${code(`s3://${r.bucket ?? ''}/${r.prefix}`)}.`);
    for (const i of r.invalidations) {
        if (i.paths.length > 0)
            out.push(`Invalidation ${i.id || '(not sent)'} on ${i.distributionId}: ${i.paths.length} path(s), ${i.status || 'not sent'}.`);
    }
    if (r.error)
        out.push('', `Error: ${esc(r.error)}`);
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/model/format.ts
// Numbers as the log, report and summary print them.
/**
 * An integer with thousands separators, as `n.toLocaleString('en-US')` prints it, without the ICU number
 * formatter: its first use loads locale data, 40-90 ms of start-up on Node 24.
 */
function thousands(n) {
    if (!Number.isSafeInteger(n))
        return String(n);
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return n < 0 ? `-${digits}` : digits;
}

;// CONCATENATED MODULE: ./src/summary.ts
// The job summary: the Report rendered as Markdown, one function per section.




const MAX_ROWS = 500;
/** Markdown for the job summary; bounded (at most MAX_ROWS detail rows) to stay far below the 1 MiB limit. */
function summaryMarkdown(r) {
    const out = [];
    headerSection(out, r);
    totalsSection(out, r);
    invalidationsSection(out, r);
    directoriesSection(out, r);
    collectedSection(out, r);
    pendingSection(out, r);
    verifySection(out, r);
    warningsSection(out, r);
    filesSection(out, r);
    return out.join('\n') + '\n';
}
function headerSection(out, r) {
    out.push(`## S3 CloudFront Deploy${r.dryRun ? ' (dry run: nothing was written)' : ''}`);
    if (r.error)
        out.push('', `> [!CAUTION]`, `> The deploy failed: ${esc(r.error)}`);
    if (r.bucket)
        out.push(`Bucket ${code(r.bucket)}${r.prefix ? ` prefix ${code(r.prefix)}` : ''}`);
    out.push('');
}
function totalsSection(out, r) {
    out.push('| uploaded | unchanged | deleted | skipped | uploaded bytes | fingerprinted |');
    out.push('|---:|---:|---:|---:|---:|---:|');
    const t = r.totals;
    out.push(`| ${t.uploaded} | ${t.unchanged} | ${t.deleted} | ${t.skipped} | ${thousands(t.uploadedBytes)} | ${t.fingerprinted} |`);
    out.push('');
    if (r.diff)
        out.push(`Commit diff: ${esc(r.diff.source)}, ${r.diff.files} files${r.diff.note ? ` (${esc(r.diff.note)})` : ''}`, '');
}
function invalidationsSection(out, r) {
    if (r.invalidations.length === 0)
        return;
    out.push('### Invalidations', '');
    out.push('| distribution | id | status | billed paths | wildcards | stale URLs | collateral | paths earlier this month | est. charge |');
    out.push('|---|---|---|---:|---:|---:|---:|---:|---:|');
    for (const i of r.invalidations) {
        const cost = i.estimatedCostUsd === null ? 'unknown' : `$${i.estimatedCostUsd.toFixed(3)}`;
        out.push(`| ${i.distributionId} | ${i.id || '-'} | ${i.status || '-'} | ${i.billedPaths} | ${i.wildcards} | ${i.stale.length} | ${i.collateral ?? 'unknown'} | ${i.monthPathsBefore ?? 'unknown'} | ${cost} |`);
    }
    out.push('', `The first ${thousands(FREE_PATHS_PER_MONTH)} paths a month are free (account-wide), then $${USD_PER_PATH} per path; a wildcard is one path.`, '');
    for (const i of r.invalidations)
        invalidationDetails(out, i);
}
function invalidationDetails(out, i) {
    if (i.wildcardDetails.length > 0) {
        out.push(`Wildcards sent to ${i.distributionId}:`, '', '| wildcard | stale URLs covered | unchanged objects also evicted |', '|---|---:|---:|');
        for (const w of i.wildcardDetails.slice(0, 50))
            out.push(`| ${code(w.path)} | ${w.covers} | ${w.collateral ?? 'unknown'} |`);
        out.push('');
    }
    for (const a of i.advice)
        out.push(`> [!TIP]`, `> ${esc(a)}`, '');
    out.push(`<details><summary>${i.distributionId}: ${esc(i.reason)}</summary>`, '');
    for (const p of i.paths.slice(0, MAX_ROWS))
        out.push(`- ${code(p)}`);
    if (i.paths.length > MAX_ROWS)
        out.push(`- ... ${i.paths.length - MAX_ROWS} more in the JSON report`);
    out.push('', '</details>', '');
}
function directoriesSection(out, r) {
    const first = r.invalidations[0];
    if (!first || first.stale.length === 0)
        return;
    const fpChanges = r.files.filter((f) => f.fingerprinted && (f.action === 'upload' || f.action === 'delete')).map((f) => f.path);
    const rows = directoryRows(first.stale, fpChanges, first.wildcardDetails);
    out.push(`### Where the changes are (${first.distributionId})`, '');
    out.push('| directory | stale URLs invalidated | fingerprinted changes (no invalidation needed) | collateral evictions |', '|---|---:|---:|---:|');
    for (const d of rows.slice(0, 40))
        out.push(`| ${code(d.dir)} | ${d.stale} | ${d.fingerprinted} | ${d.collateral} |`);
    if (rows.length > 40)
        out.push(`| ... ${rows.length - 40} more directories | | | |`);
    out.push('');
}
function collectedSection(out, r) {
    if (!r.collected || r.collected.length === 0)
        return;
    out.push(`### Owed invalidations collected: ${r.collected.length} record(s)`, '', '| record | distribution | left by | paths |', '|---|---|---|---:|');
    for (const c of r.collected.slice(0, MAX_ROWS))
        out.push(`| ${code(c.key)} | ${c.distributionId} | ${esc(c.note)} | ${c.paths} |`);
    out.push('');
}
function pendingSection(out, r) {
    if (!r.pendingDeletions || r.pendingDeletions.length === 0)
        return;
    out.push(`### Kept for pages already open: ${r.pendingDeletions.length} removed fingerprinted object(s)`, '');
    out.push('A later deploy deletes each once its grace period (keep-removed) has passed.', '', '| key | deleted after |', '|---|---|');
    for (const p of r.pendingDeletions.slice(0, MAX_ROWS))
        out.push(`| ${code(p.key)} | ${p.dueAt} |`);
    if (r.pendingDeletions.length > MAX_ROWS)
        out.push(`| ... ${r.pendingDeletions.length - MAX_ROWS} more in the JSON report | |`);
    out.push('');
}
function verifySection(out, r) {
    if (!r.verify || r.verify.length === 0)
        return;
    const bad = r.verify.filter((v) => v.status !== 'fresh');
    out.push(`### What the CDN serves now: ${r.verify.length - bad.length} of ${r.verify.length} sampled URLs fresh`, '');
    if (bad.length > 0) {
        out.push('| status | URL | detail |', '|---|---|---|');
        for (const v of bad.slice(0, 50))
            out.push(`| ${v.status} | ${code(v.url)} | ${esc(v.detail)} |`);
        out.push('');
    }
}
function warningsSection(out, r) {
    if (r.warnings.length === 0)
        return;
    out.push('### Warnings', '');
    for (const w of r.warnings.slice(0, 50))
        out.push(`- ${esc(w)}`);
    out.push('');
}
function filesSection(out, r) {
    const changed = r.files.filter((f) => f.action !== 'unchanged');
    out.push(`<details><summary>Files: ${changed.length} changed or skipped (of ${r.files.length})</summary>`, '');
    out.push('| action | path | reason | cache-control |', '|---|---|---|---|');
    for (const f of changed.slice(0, MAX_ROWS)) {
        out.push(`| ${f.action} | ${code(f.path)} | ${esc(f.reason)} | ${esc(f.cacheControl ?? '')} |`);
    }
    if (changed.length > MAX_ROWS)
        out.push(`| ... | ${changed.length - MAX_ROWS} more rows in the JSON report | | |`);
    out.push('', '</details>');
}

;// CONCATENATED MODULE: ./src/io/github.ts
let octokit = null;
// One after the other: the two share modules, and Jest's ESM loader fails on overlapping imports of them.
/** @actions/github and its GitHub class, imported once, on first use. */
const loadOctokit = () => (octokit ??= Promise.all(/* import() */[__nccwpck_require__.e(665), __nccwpck_require__.e(351)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1351)).then(async (github) => [github, await __nccwpck_require__.e(/* import() */ 665).then(__nccwpck_require__.bind(__nccwpck_require__, 8665))]));
/** A failed GitHub API call, after retries: the method, URL and GitHub's own message. */
class GitHubApiError extends Error {
    status;
    method;
    url;
    constructor(message, status, method, url, options) {
        super(message, options);
        this.status = status;
        this.method = method;
        this.url = url;
        this.name = 'GitHubApiError';
    }
}
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Milliseconds to wait before retrying, or undefined (do not retry) with the reason to add to the message. */
function retryPlan(err, method, retry, cfg, now) {
    const status = err.status ?? 0;
    const headers = err.response?.headers ?? {};
    const header = (name) => (headers[name] === undefined ? undefined : String(headers[name]));
    const retryAfter = header('retry-after');
    const remaining = header('x-ratelimit-remaining');
    const rateLimited = status === 429 || (status === 403 && (retryAfter !== undefined || remaining === '0' || /rate limit/i.test(err.message ?? '')));
    if (rateLimited) {
        let waitMs;
        if (retryAfter !== undefined && /^\d+$/.test(retryAfter.trim()))
            waitMs = Number(retryAfter) * 1000;
        else if (remaining === '0' && /^\d+$/.test(header('x-ratelimit-reset') ?? ''))
            waitMs = Number(header('x-ratelimit-reset')) * 1000 - now;
        else
            waitMs = 60_000; // secondary rate limit without a hint: GitHub asks for at least a minute
        waitMs = Math.max(0, waitMs);
        if (waitMs > cfg.maxRateLimitWaitMs)
            return { note: `rate limited; it resets in ${Math.ceil(waitMs / 1000)} s` };
        return { waitMs };
    }
    // Octokit reports network failures as status 500 too. A POST is not repeated: it may have been applied.
    if (status >= 500 && IDEMPOTENT.has(method)) {
        return { waitMs: Math.round(cfg.retryBaseMs * 2 ** retry * (0.5 + Math.random() / 2)) };
    }
    return {};
}
function describe(err, method, url, note) {
    const status = err.status ?? 0;
    const what = err.message ? err.message : 'no message';
    return new GitHubApiError(`GitHub API ${method} ${url} failed: ${status ? `HTTP ${status}: ` : ''}${what}${note ? ` (${note})` : ''}`, status, method, url, { cause: err });
}
/** A new client (not shared). Prefer githubClient(), which shares one per (apiUrl, token). */
async function createGitHubClient(opts) {
    const [{ getOctokit }, { GitHub }] = await loadOctokit();
    const baseUrl = opts.apiUrl.replace(/\/+$/, '');
    const options = { baseUrl, userAgent: 's3-cloudfront-deploy' };
    // getOctokit insists on a token; anonymous requests use the same class without auth.
    const client = opts.token ? getOctokit(opts.token, options) : new GitHub(options);
    const retries = opts.retries ?? 3;
    const cfg = { retryBaseMs: opts.retryBaseMs ?? 1000, maxRateLimitWaitMs: opts.maxRateLimitWaitMs ?? 60_000 };
    const sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    client.hook.wrap('request', async (request, options) => {
        const method = String(options.method ?? 'GET').toUpperCase();
        for (let retry = 0;; retry++) {
            try {
                return await request(options);
            }
            catch (e) {
                const err = e;
                const url = err.request?.url ?? String(options.url);
                const plan = retryPlan(err, method, retry, cfg, Date.now());
                if (plan.waitMs === undefined || retry >= retries) {
                    throw describe(err, method, url, plan.note ?? (retry > 0 ? `after ${retry} retries` : undefined));
                }
                opts.log?.(`GitHub API ${method} ${url}: HTTP ${err.status ?? '?'}; retry ${retry + 1} of ${retries} in ${plan.waitMs} ms`);
                await sleep(plan.waitMs);
            }
        }
    });
    return client;
}
const shared = new Map();
/** The one client for (apiUrl, token), with the default retry settings (made, and @actions/github loaded, on first use). */
function githubClient(apiUrl, token) {
    const key = `${apiUrl.replace(/\/+$/, '')}\n${token}`;
    let client = shared.get(key);
    if (!client) {
        client = createGitHubClient({ apiUrl, token });
        shared.set(key, client);
    }
    return client;
}
/** `owner/name` -> { owner, repo }; throws on anything else. */
function splitRepository(repository) {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
    if (!m)
        throw new Error(`Repository must be "owner/name", got ${JSON.stringify(repository)}`);
    return { owner: m[1], repo: m[2] };
}
/** The hidden HTML comment that identifies the action's comment. */
function markerTag(marker) {
    if (!/^[A-Za-z0-9][A-Za-z0-9 _.:/@+=-]*$/.test(marker) || marker.includes('--')) {
        throw new Error(`Comment marker ${JSON.stringify(marker)} must be letters, digits and _.:/@+= - (no "--")`);
    }
    return `<!-- ${marker} -->`;
}
/**
 * Create or edit the action's comment on an issue or pull request: the first comment (across all pages)
 * whose body holds `<!-- marker -->` is edited (left alone when already equal), otherwise one is created.
 * The marker is put on the first line of the body when the body does not hold it already.
 */
async function upsertPrComment(opts) {
    const { owner, repo } = splitRepository(opts.repository);
    if (!Number.isInteger(opts.issueNumber) || opts.issueNumber < 1) {
        throw new Error(`Pull request number must be a positive integer, got ${opts.issueNumber}`);
    }
    const tag = markerTag(opts.marker);
    const body = opts.body.includes(tag) ? opts.body : `${tag}\n${opts.body}`;
    const client = opts.client ?? (await githubClient(opts.apiUrl, opts.token));
    const issue = { owner, repo, issue_number: opts.issueNumber };
    let found;
    for await (const page of client.paginate.iterator(client.rest.issues.listComments, { ...issue, per_page: 100 })) {
        found = page.data.find((c) => c.body?.includes(tag));
        if (found)
            break;
    }
    if (found) {
        if (found.body === body)
            return { id: found.id, url: found.html_url, created: false };
        const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: found.id, body });
        return { id: data.id, url: data.html_url, created: false };
    }
    const { data } = await client.rest.issues.createComment({ ...issue, body });
    return { id: data.id, url: data.html_url, created: true };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
var external_node_crypto_default = /*#__PURE__*/__nccwpck_require__.n(external_node_crypto_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/io/runner.ts
// The GitHub Actions runner protocol, as much of it as the action uses: inputs from INPUT_* variables, step
// outputs through the GITHUB_OUTPUT file, and workflow commands (::error::, ::add-mask::, ::group::, ...) on stdout.
// Byte for byte what @actions/core 3.0.1 writes (lib/core.js, command.js, file-command.js, utils.js; MIT,
// Copyright GitHub, Inc.), without its import of the OIDC client (@actions/http-client, undici) at start-up.
// __tests__/runner.test.ts holds the two side by side.



/** A value as a command or file-command writes it: strings as they are, null/undefined empty, the rest JSON. */
function toCommandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string' || input instanceof String)
        return String(input);
    return JSON.stringify(input);
}
function escapeData(s) {
    return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::command key=value,key=value::message` and a newline on stdout (properties with an empty value are left out). */
function issueCommand(command, properties, message) {
    let cmd = `::${command || 'missing.command'}`;
    const entries = Object.entries(properties).filter(([, v]) => v);
    if (Object.keys(properties).length > 0)
        cmd += ' ' + entries.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
    cmd += `::${escapeData(message)}`;
    process.stdout.write(cmd + (external_node_os_default()).EOL);
}
/** The input `name` (INPUT_<NAME>, spaces as underscores), trimmed; '' when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/** A step output: appended to the GITHUB_OUTPUT file as a heredoc, or `::set-output` when there is no file. */
function setOutput(name, value) {
    const filePath = process.env.GITHUB_OUTPUT || '';
    if (filePath) {
        const delimiter = `ghadelimiter_${external_node_crypto_default().randomUUID()}`;
        const converted = toCommandValue(value);
        if (name.includes(delimiter))
            throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
        if (converted.includes(delimiter))
            throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
        if (!external_node_fs_default().existsSync(filePath))
            throw new Error(`Missing file at path: ${filePath}`);
        external_node_fs_default().appendFileSync(filePath, `${name}<<${delimiter}${(external_node_os_default()).EOL}${converted}${(external_node_os_default()).EOL}${delimiter}${(external_node_os_default()).EOL}`, { encoding: 'utf8' });
        return;
    }
    process.stdout.write((external_node_os_default()).EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/** Masks `secret` in the rest of the job's log. */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/** An error annotation; the process then exits with code 1. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
const annotation = (command) => (message) => issueCommand(command, {}, message instanceof Error ? message.toString() : message);
const error = annotation('error');
const warning = annotation('warning');
const notice = annotation('notice');
function info(message) {
    process.stdout.write(message + (external_node_os_default()).EOL);
}
/** Whether step debug logging is on (the runner sets RUNNER_DEBUG=1 then), as @actions/core's isDebug. */
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
/** Shown only when step debug logging is on. */
function debug(message) {
    issueCommand('debug', {}, message);
}
/** `fn`'s output folded under `name` in the log. */
async function group(name, fn) {
    issueCommand('group', {}, name);
    try {
        return await fn();
    }
    finally {
        issueCommand('endgroup', {}, '');
    }
}

;// CONCATENATED MODULE: ./src/io/publish.ts
// publish: the report as a JSON file, the step outputs and the job summary. Thin.






const FILES_PLACEHOLDER = '\u0000files\u0000';
const FILES_MARK = `"files": ${JSON.stringify(FILES_PLACEHOLDER)}`;
/**
 * The report as indented JSON with one line per file, written in slices: a site of 100,000 files has a report
 * of tens of MB, which is never held as one string (nor pretty-printed over several lines per file).
 */
async function writeReport(reportPath, report) {
    await promises_default().mkdir(external_node_path_default().dirname(reportPath), { recursive: true });
    const outline = JSON.stringify({ ...report, files: FILES_PLACEHOLDER }, null, 2);
    const at = outline.indexOf(FILES_MARK);
    const out = await promises_default().open(reportPath, 'w');
    try {
        await out.write(outline.slice(0, at) + '"files": [');
        const rows = report.files;
        for (let i = 0; i < rows.length; i += 1000) {
            const slice = rows.slice(i, i + 1000).map((r, k) => `${i + k === 0 ? '' : ','}\n    ${JSON.stringify(r)}`);
            await out.write(slice.join(''));
        }
        await out.write((rows.length > 0 ? '\n  ]' : ']') + outline.slice(at + FILES_MARK.length) + '\n');
    }
    finally {
        await out.close();
    }
}
async function publish(config, report, env, run, log) {
    await writeReport(config.reportPath, report);
    const outputs = outputsOf(report, config.reportPath);
    for (const [k, v] of Object.entries(outputs))
        setOutput(k, v);
    if (outputs['invalidation-paths-truncated'] === 'true') {
        const all = (report.invalidations.find((i) => i.id) ?? report.invalidations[0])?.paths.length ?? 0;
        const shown = JSON.parse(outputs['invalidation-paths']).length;
        log.notice(`The invalidation-paths output holds the first ${shown} of ${all} paths (${OUTPUT_LIST_MAX_BYTES / 1024} KiB, so it can be passed ` +
            `through env:, which Linux caps at 128 KiB a variable); the whole list is in the report file (${config.reportPath}).`);
    }
    // Appended directly to GITHUB_STEP_SUMMARY (the file is read from `env`, per run).
    const summaryFile = env.GITHUB_STEP_SUMMARY;
    if (summaryFile)
        await promises_default().appendFile(summaryFile, summaryMarkdown(report));
    if (config.prComment)
        await commentOnPullRequest(config, report, run, log);
}
/** pr-comment: one comment per pull request and prefix, found again by its marker and edited. A failure only warns. */
async function commentOnPullRequest(config, report, run, log) {
    const pr = run.payload.pull_request;
    const number = typeof pr?.number === 'number' ? pr.number : typeof run.payload.number === 'number' ? run.payload.number : null;
    if (number === null) {
        log.notice(`pr-comment: this run is not for a pull request (event ${run.eventName || 'unknown'}): no comment`);
        return;
    }
    try {
        const res = await upsertPrComment({
            apiUrl: run.apiUrl,
            repository: run.repository,
            token: config.githubToken,
            issueNumber: number,
            marker: `s3-cloudfront-deploy ${config.bucket ?? ''}/${config.prefix}`.replace(/[^\w./ -]/g, '_').replace(/-{2,}/g, '-'),
            body: prCommentBody(report),
        });
        log.info(`pr-comment: ${res.created ? 'created' : 'updated'} ${res.url}`);
    }
    catch (err) {
        log.warning(`pr-comment: could not comment on pull request #${number} (${err.message}); the job needs permissions: pull-requests: write`);
    }
}
/**
 * Checked with the inputs, before any AWS call: the report's directory can be created and the file written.
 * (A path under a file, /dev/null/x.json, or under /proc would otherwise fail only after the uploads.)
 */
async function checkReportPath(reportPath) {
    const dir = external_node_path_default().dirname(reportPath);
    if (dir === '/proc' || dir.startsWith('/proc/') || dir === '/sys' || dir.startsWith('/sys/')) {
        return `cannot write the report under ${dir.split('/').slice(0, 2).join('/')} (a kernel file system); choose a path under RUNNER_TEMP or the workspace`;
    }
    try {
        await promises_default().mkdir(dir, { recursive: true });
        // 'wx' creates it only if it is not there (then removes it again); 'r+' checks an existing file is writable.
        const existed = await promises_default().stat(reportPath).then(() => true, () => false);
        const handle = await promises_default().open(reportPath, existed ? 'r+' : 'wx');
        await handle.close();
        if (!existed)
            await promises_default().unlink(reportPath);
        return null;
    }
    catch (err) {
        const e = err;
        return `cannot write ${reportPath} (${e.code ?? e.message}); choose a writable path (default: RUNNER_TEMP/s3-cloudfront-deploy/report.json)`;
    }
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
// EXTERNAL MODULE: ./src/model/data.ts
var data = __nccwpck_require__(6681);
;// CONCATENATED MODULE: ./src/plan/filter.ts
// Which relative paths of the build dir are deployed. Pure; shared by the walker and the delete guard.



function makeFileFilter(include, exclude) {
    // dot: false means a hidden file is only included by a pattern that names the dot explicitly
    // (`.htaccess`, `**/.nojekyll`), never by `**` or `*.txt`.
    const included = include.length === 0 ? () => true : picomatch_default()(include, { dot: false });
    // `.well-known/` is not hidden, so `**` must reach it: match non-hidden paths with dot: true.
    const includedVisible = include.length === 0 ? () => true : picomatch_default()(include, { dot: true });
    const excluded = exclude.length === 0 ? () => false : picomatch_default()(exclude, { dot: true });
    const dotPatterns = include.some((p) => p.split('/').some(data/* isHiddenSegment */.s));
    return {
        skipReason(relPath) {
            if (isOwnRelPath(relPath))
                return 'reserved-prefix';
            // .git is never deployed, even when a pattern names it.
            if ((0,data/* hasHiddenSegment */.k)(relPath) && (include.length === 0 || !included(relPath) || /(^|\/)\.git\//.test(relPath)))
                return 'dotfile';
            const hidden = (0,data/* hasHiddenSegment */.k)(relPath);
            if (!(hidden ? included(relPath) : includedVisible(relPath)) || excluded(relPath))
                return 'excluded';
            return null;
        },
        mayDescend(relDir) {
            if (relDir === '.git' || relDir.endsWith('/.git'))
                return false;
            if ((0,data/* hasHiddenSegment */.k)(relDir))
                return dotPatterns;
            return true;
        },
    };
}
/** Keys (relative to prefix) that the delete step must leave alone: user globs plus anything the filter skips. */
function makeDeleteGuard(filter, protect) {
    const protectedGlob = protect.length === 0 ? () => false : picomatch_default()(protect, { dot: true });
    return (relKey) => protectedGlob(relKey) || filter.skipReason(relKey) !== null;
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/words.ts
// Word and number shapes: what a person or a framework types, as opposed to a random hash.
// Shared by the name rules (`./tokens.ts`, `./manifests.ts`) and the history rules (`../fingerprint-history.ts`).
/** Shaped like words as people write them: `settings`, `SemiBold`, `darkMode`, `chapter12`, `iPhone12`. */
const WORD_SHAPE = /^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*[0-9]*$/;
/** Numbers with units or dimensions: `2048px`, `1080p`, `4K`, `1200x630` (and `1920wide`, below). */
const NUMERIC = /^[0-9]+(?:[a-z]{0,3}|K|x[0-9]+)$/;
/**
 * For each letter, the letters that follow it in English, from the 104k-word list of Debian's
 * wamerican: upper case when the pair occurs in at least 30 words, lower case when in 3 to 29, absent
 * when rarer. Words use only these pairs; a random string soon hits a rare one (`WF`, `KP`, `PX` in
 * the esbuild hash `WFSAEKPX`; `hb` in `hbom`).
 */
const NEXT_LETTER = {
    a: 'aBCDEFGHIJKLMNoPQRSTUVWXYZ',
    b: 'ABcDEfghIJLMnOpRSTUvwY',
    c: 'ACdEHIKLmnOQRSTUYz',
    d: 'ABCDEFGHIJkLMNOPqRSTUVWYz',
    e: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    f: 'AbEFghILnOpRSTUY',
    g: 'AbdEfGHIkLMNOpRSTUwYz',
    h: 'ABcdEFghIjkLMNOpRSTUWY',
    i: 'ABCDEFGhIjKLMNOPQRSTUVwXZ',
    j: 'AEIOU',
    k: 'ABcdEfgHIjkLMNOPRStUWY',
    l: 'ABCDEFGhIKLMNOPqRSTUVwxY',
    m: 'ABcdEFhILMNOPqrStUvwY',
    n: 'ABCDEFGHIJKLMNOPQRSTUVWxYZ',
    o: 'ABCDEFGHIjKLMNOPQRSTUVWXYZ',
    p: 'ABcdEfgHIkLMnOPRSTUwY',
    q: 'U',
    r: 'ABCDEFGHIJKLMNOPqRSTUVWYz',
    s: 'ABCDEFGHIjKLMNOPQRSTUvWY',
    t: 'ABCdEFGHIjkLMNOPRSTUvWYZ',
    u: 'ABCDEFGhIjKLMNOPRSTuVXyZ',
    v: 'AEIOrUvy',
    w: 'ABcDEfgHIKLmNOpRStuwyz',
    x: 'ACEHIlOPTUvwxY',
    y: 'ABCDEFGHIjkLMNOPRSTuWxz',
    z: 'AEILmOpuvwYZ',
};
/** Every adjacent pair of letters occurs in English words (in many words, when `common`). */
function englishPairs(t, common) {
    const l = t.toLowerCase();
    for (let i = 0; i + 1 < l.length; i++) {
        const next = NEXT_LETTER[l.charAt(i)] ?? '';
        const c = l.charAt(i + 1);
        if (!next.includes(c.toUpperCase()) && (common || !next.includes(c)))
            return false;
    }
    return true;
}
/**
 * A random base64url run often has a word-like case shape (`BvAciOjw` is "Pascal case"), so the shape
 * alone is not enough: every hump of a real word has a vowel and only common letter pairs
 * (`Semi|Bold`, `dark|Mode`), random humps mostly do not (`Bv|Aci|Ojw`, `hbom`).
 */
function readsAsWords(t) {
    if (!WORD_SHAPE.test(t))
        return false;
    for (const hump of t.replace(/[0-9]+$/, '').match(/[A-Z]?[a-z]+/g) ?? []) {
        if (hump.length === 1)
            continue;
        const vowel = hump.length <= 2 ? /[aeiou]/i : /[aeiouy]/i; // `Bv` is not a word; `sky`, `Myth` are
        if (!vowel.test(hump) || !englishPairs(hump, false))
            return false;
    }
    return true;
}
/**
 * Capitals are either esbuild's base32 hash (`[A-Z2-7]{8}`, letters only about one time in five, e.g.
 * `EEEDSWML`) or a shouted word (`OVERVIEW`, `EXPLORER`). Measured on the 10,500 eight-letter words
 * of that word list and on random base32 hashes: "two or more vowels and only common (upper-case)
 * letter pairs" catches 97.5% of the words and costs 1.1% of esbuild hashes (a miss, never a wrong hit).
 */
function looksEnglish(letters) {
    return (letters.match(/[aeiouy]/gi) ?? []).length >= 2 && englishPairs(letters, true);
}
/** A number with a unit, a dimension, or followed by a word (`1920wide`, `3columns`). */
function isNumberish(t) {
    return NUMERIC.test(t) || (/^[0-9]+[a-z]+$/.test(t) && readsAsWords(t.replace(/^[0-9]+/, '')));
}
/** Parts of a separated token that a person would type: words, numbers, versions, short acronyms
 *  with a number (`final`, `2024`, `v2`, `IMG`, `Q3`, `FY24`). */
function isPlainPart(p) {
    return p === '' || readsAsWords(p) || isNumberish(p) || /^[vV]?[0-9]+$/.test(p) || /^[A-Z]{1,3}[0-9]*$/.test(p);
}
/** How many of lower case, upper case and digits a token uses. */
function letterClasses(t) {
    return Number(/[a-z]/.test(t)) + Number(/[A-Z]/.test(t)) + Number(/[0-9]/.test(t));
}
/**
 * Words and numbers run together, as people and frameworks write them: `Win10Start`, `iPhone15Pro`,
 * `K8sGuide`, `Q3Report`, `HTML5Shiv`. Split into humps (capitalised or lower-case words), acronyms
 * and digit runs; it reads as words when every hump of 2+ letters reads as a word.
 */
function readsAsWordsAndNumbers(t) {
    const humps = t.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
    if (humps.join('') !== t)
        return false;
    // Random runs break into many one- and two-letter humps (`Ab|3|d|E|5|f|G`); words into few (`K|8|s|Guide`).
    const letterHumps = humps.filter((h) => !/^[0-9]+$/.test(h));
    if (letterHumps.filter((h) => h.length <= 2).length > 2 || !letterHumps.some((h) => h.length >= 3))
        return false;
    for (const h of humps) {
        if (/^[0-9]+$/.test(h) || h.length <= 2)
            continue;
        if (/^[A-Z]+$/.test(h)) {
            if (h.length <= 4 || looksEnglish(h))
                continue; // `HTML`, `PDF`, `OVERVIEW`
            return false;
        }
        if (!readsAsWords(h))
            return false;
    }
    return true;
}
/** Dates are not content hashes (two builds on one day share them): YYYYMMDD, DDMMYYYY, MMDDYYYY. */
const DATE8 = /^(?:(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])|(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])(?:19|20)[0-9]{2}|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:19|20)[0-9]{2})$/;

;// CONCATENATED MODULE: ./src/plan/fingerprint-history.ts
// History as evidence for fingerprinting. Pure: plain data in, plain data out.
//
// Between the previous deploy and this build, a name that disappeared and a name that appeared in the
// same directory, identical except for one token, with different content, show that the token follows
// the content: the build's template puts a content hash there. The directory and the constant text
// around the token (`before`, `after`) plus the token's alphabet and length make a LearnedShape; later
// names of that shape are fingerprinted even when the name rules alone cannot tell (`chart-kqzvbwyx.js`,
// `app.0a0b0c0d0e1.js`, a site's own pipeline).
//
// The converse is the demotion: a name of a learned shape that is reused with new content proves the
// token is NOT (only) a content hash, and the shape is dropped for good.

const ALPHABETS = {
    hex: /^[0-9a-f]+$/,
    base32: /^[A-Z2-7]+$/,
    base36: /^[0-9a-z]+$/,
    alnum: /^[0-9A-Za-z]+$/,
    base64url: /^[0-9A-Za-z_-]+$/,
};
/** Token lengths considered: shorter runs are versions, counters and words; longer are not names. */
const MIN_TOKEN = 6;
const MAX_TOKEN = 128;
/** Characters that may bound a token in a name (Next/Vite `-`, webpack `.`, Hugo `_`, `~`). */
const BOUNDARY = '.-_~';
const TOKEN_CHAR = /[0-9A-Za-z_-]/;
/** Entry documents: never fingerprinted whatever their name, so never evidence either. */
const HTML = /\.(?:html?|xhtml)$/i;
function splitPath(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? { dir: '', base: path } : { dir: path.slice(0, i), base: path.slice(i + 1) };
}
/** The narrowest alphabet holding every token (base32 only for upper-case tokens, as esbuild emits). */
function alphabetOf(tokens) {
    for (const a of ['hex', 'base32', 'base36', 'alnum', 'base64url']) {
        const re = ALPHABETS[a];
        if (tokens.every((t) => re.test(t)))
            return a;
    }
    return null;
}
/**
 * Could this token be a hash in `alphabet`, rather than something a person or a framework types? Not a
 * number, date or version (`20240115`, `000124`), not words (`settings`, `darkMode`, `OVERVIEW`,
 * `release-notes`), not a constant marker (`__PAGE__`, `MY_CONST`).
 */
function plausibleToken(t, alphabet) {
    const re = ALPHABETS[alphabet];
    if (!re || t.length < MIN_TOKEN || t.length > MAX_TOKEN || !re.test(t))
        return false;
    if (/^[0-9]+$/.test(t))
        return alphabet === 'hex' && t.length >= 8 && !DATE8.test(t); // 2% of 8-hex hashes
    if (t.includes('__') || t.includes('--') || /^[-_]|[-_]$/.test(t))
        return false;
    if (/[-_]/.test(t) && (!/[a-z]/.test(t) || t.split(/[-_]/).some((p) => p.length >= 3 && isPlainPart(p))))
        return false;
    if (/^[a-z]+$/.test(t))
        return alphabet === 'hex' && t.length >= 12; // lower-case letters: a word
    if (alphabet === 'hex')
        return true; // digits and a-f mixed
    if (/^[A-Z]+$/.test(t))
        return !looksEnglish(t);
    // esbuild base32 (`MV2EFFYE`): 0, 1, 8, 9 never occur, so `SALE2024` is not base32; `SPRING24` is refused.
    if (alphabet === 'base32')
        return !(/^[A-Z]+[2-7]{1,2}$/.test(t) && looksEnglish(t.replace(/[0-9]+$/, '')));
    if (letterClasses(t) < 2)
        return false;
    return !readsAsWordsAndNumbers(t); // `chapter12`, `v2Final`, `Win10Start`
}
/**
 * Every way to read one token out of a basename: a run of token characters of MIN..MAX length bounded
 * on both sides by a boundary character or the end of the name, with at least one character after it
 * (the extension). The alphabet is left out of the key; it is decided from the paired tokens.
 */
function candidates(path) {
    const { dir, base } = splitPath(path);
    const out = [];
    const n = base.length;
    for (let s = 0; s < n; s++) {
        if (s > 0 && !BOUNDARY.includes(base.charAt(s - 1)))
            continue;
        for (let e = s; e < n && e - s < MAX_TOKEN; e++) {
            if (!TOKEN_CHAR.test(base.charAt(e)))
                break;
            const len = e - s + 1;
            if (len < MIN_TOKEN || e + 1 >= n || !BOUNDARY.includes(base.charAt(e + 1)))
                continue;
            const before = base.slice(0, s);
            const after = base.slice(e + 1);
            const shape = { dir, before, after, alphabet: '', length: len };
            out.push({ key: `${dir}\u0000${before}\u0000${after}\u0000${len}`, shape, token: base.slice(s, e + 1) });
        }
    }
    return out;
}
/** The two tokens differ at their first and last characters' sides only within one token: their
 *  common prefix and suffix hold no separator (else the real token is narrower, e.g. `index-` of
 *  `index-CfaFZ-lr` is constant text, not part of the hash). */
function tight(a, b) {
    let p = 0;
    while (p < a.length && a[p] === b[p])
        p++;
    let q = 0;
    while (q < a.length - p && a[a.length - 1 - q] === b[b.length - 1 - q])
        q++;
    return !/[-_]/.test(a.slice(0, p)) && !/[-_]/.test(a.slice(a.length - q));
}
function shapeKey(s) {
    return JSON.stringify([s.dir, s.before, s.after, s.alphabet, s.length]);
}
/**
 * Learn shapes from the names that disappeared (in `previous`, not in `current`) and appeared (the
 * reverse). Per candidate shape (dir, before, after, length), the disappeared and appeared names are
 * paired when unambiguous: exactly one of each; or several of each when every token in the group is
 * distinct, plausible, pairwise tight, and no appeared file has the content of a disappeared one (a
 * moved file with the same bytes under a new token means the token does not follow the content).
 * A 1:1 pair also needs different content. Returns `known` plus the new shapes, deduplicated.
 */
function learnShapes(previous, current, known = []) {
    const prev = new Map(previous.map((f) => [f.path, f.md5]));
    const cur = new Map(current.map((f) => [f.path, f.md5]));
    const groups = new Map();
    const add = (path, md5, side) => {
        if (HTML.test(path))
            return;
        for (const c of candidates(path)) {
            let g = groups.get(c.key);
            if (!g)
                groups.set(c.key, (g = { shape: c.shape, gone: [], came: [] }));
            g[side].push([c.token, md5]);
        }
    };
    for (const [p, md5] of prev)
        if (!cur.has(p))
            add(p, md5, 'gone');
    for (const [p, md5] of cur)
        if (!prev.has(p))
            add(p, md5, 'came');
    const out = new Map();
    for (const s of known)
        out.set(shapeKey(s), s);
    for (const { shape, gone, came } of groups.values()) {
        if (gone.length === 0 || came.length === 0)
            continue;
        if (gone.length > 1 || came.length > 1) {
            if (gone.length * came.length > 10_000)
                continue; // too many to check pairwise: no evidence taken
            if (came.some(([, m]) => gone.some(([, g]) => g === m)))
                continue;
        }
        else if (gone[0]?.[1] === came[0]?.[1])
            continue; // same content under a new name: not a content hash
        const tokens = [...gone, ...came].map(([t]) => t);
        if (new Set(tokens).size !== tokens.length)
            continue;
        const alphabet = alphabetOf(tokens);
        if (!alphabet || !tokens.every((t) => plausibleToken(t, alphabet)))
            continue;
        if (!gone.every(([a]) => came.every(([b]) => tight(a, b))))
            continue;
        const learned = { ...shape, alphabet };
        out.set(shapeKey(learned), learned);
    }
    return [...out.values()];
}
/** Does the path have the shape: same directory, same constant text, a plausible token of the
 *  shape's alphabet and length in between? */
function matchesShape(path, shape) {
    const { dir, base } = splitPath(path);
    if (dir !== shape.dir || base.length !== shape.before.length + shape.length + shape.after.length)
        return false;
    if (!base.startsWith(shape.before) || !base.endsWith(shape.after))
        return false;
    return plausibleToken(base.slice(shape.before.length, shape.before.length + shape.length), shape.alphabet);
}
/** Drop, for good, every shape one of whose names was reused with new content (`demotedPaths`). The
 *  token test is skipped here: any name of the shape's layout is enough to distrust it. */
function dropShapes(shapes, demotedPaths) {
    const demoted = demotedPaths.map(splitPath);
    return shapes.filter((s) => !demoted.some(({ dir, base }) => dir === s.dir &&
        base.length === s.before.length + s.length + s.after.length &&
        base.startsWith(s.before) &&
        base.endsWith(s.after) &&
        (ALPHABETS[s.alphabet] ?? ALPHABETS['base64url'])?.test(base.slice(s.before.length, s.before.length + s.length))));
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/names.ts
// Fingerprint name anatomy: <stem>[.<modifier>].<ext>[<trailer>]
/** Suffixes after the real extension that inherit the hashed-ness of the file they belong to:
 *  source maps, webpack `.LICENSE.txt`, esbuild `.LEGAL.txt`, precompressed copies. */
const TRAILER = /\.(?:map|gz|br|zst|LICENSE\.txt|LEGAL\.txt)$/;
const EXTENSION = /\.([A-Za-z0-9]{1,12})$/;
/** Constant words some templates put between the hash and the extension:
 *  CRA `main.1a2b3c4d.chunk.js`, `[name].[contenthash].bundle.js`, `x.<hash>.min.js`, VitePress `.lean.js`. */
const MODIFIER = /\.(?:chunk|bundle|min|lean)$/;
/** Any constant lower-case word (or `es2015`-style target) after the hash: Storybook's webpack builder
 *  `main.<hash>.iframe.bundle.js`, CSS modules `x.<hash>.module.css`, `name.<hash>.chunk.min.js`,
 *  Propshaft `x-<hash>.digested.js`. Up to three are peeled off, one at a time, and the name is tested
 *  at each step (the token must still sit right before the peeled words). */
const CONSTANT_WORD = /^(?:[a-z]{2,12}|es[0-9]{1,4})$/;
const HTML_EXT = new Set(['html', 'htm', 'xhtml']);
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
function nameParts(path) {
    let b = baseName(path);
    for (let i = 0; i < 3; i++) {
        const t = TRAILER.exec(b);
        if (!t || t.index === 0)
            break;
        b = b.slice(0, t.index);
    }
    const e = EXTENSION.exec(b);
    if (!e || e.index === 0)
        return { stem: b, ext: '', stems: [b] };
    const full = b.slice(0, e.index);
    let stem = full;
    for (let i = 0; i < 2; i++) {
        const m = MODIFIER.exec(stem);
        if (!m || m.index === 0)
            break;
        stem = stem.slice(0, m.index);
    }
    const stems = [full];
    let s = full;
    for (let i = 0; i < 3; i++) {
        const dot = s.lastIndexOf('.');
        if (dot <= 0 || !CONSTANT_WORD.test(s.slice(dot + 1)))
            break;
        s = s.slice(0, dot);
        stems.push(s);
    }
    if (!stems.includes(stem))
        stems.push(stem);
    return { stem, ext: (e[1] ?? '').toLowerCase(), stems };
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/tokens.ts
// Fingerprint hash tokens: is the end of a name a content hash some bundler emits?

/**
 * Hex digests. Templates pick any length: webpack `[contenthash:N]` (CRA/Vue CLI/Parcel/Docusaurus/
 * Rsbuild/MkDocs Material 8, Nuxt 2 7, gulp-rev/rev-hash 10, Next.js/Turbopack/Angular <= 16 16,
 * webpack's default 20), md5 32 (Hugo, Sprockets 2, Gatsby `static/<md5>/`), sha1 40, sha256 64 (Hugo's
 * default `fingerprint`, Sprockets 3+), sha384/sha512 96/128. So any length from 8 is accepted when the
 * run mixes digits and letters; 6 and 7 only in the unambiguous `.<hash>.` position and with the
 * digits and letters interleaved (a colour `-a1b2c3` or `ad2025` is not taken).
 */
function hexStyle(n) {
    const named = {
        7: 'Nuxt 2 [contenthash:7] style',
        8: 'CRA/Parcel/Docusaurus/Rsbuild [contenthash:8] style',
        10: 'gulp-rev/rev-hash style',
        16: 'Next.js/Turbopack/Angular style',
        20: 'webpack default [contenthash] style',
        32: 'md5',
        40: 'sha1',
        64: 'sha256, e.g. Hugo fingerprint',
        96: 'sha384',
        128: 'sha512',
    };
    return named[n] ?? `[contenthash:${n}] style`;
}
const HEX = /^[0-9a-f]+$/;
const HAS_DIGIT = /[0-9]/;
const HAS_HEX_LETTER = /[a-f]/;
/** English words spelt with a-f only, which could pass for hex next to a number (`cafe2024`). */
const HEX_WORD_NUMBER = /^(?:[0-9]+(?:ace|aced|add|bad|bade|bead|bed|bee|beef|cab|cafe|dad|dead|deaf|deed|face|fade|faded|fed|feed)|(?:abbe|abed|ace|aced|add|added|babe|bad|bade|bead|beaded|bed|bee|beef|cab|cabbed|cad|cafe|cede|ceded|dab|dace|dad|dead|deaf|deb|decade|decaf|deed|deface|defaced|ebb|ebbed|efface|fab|face|faced|facade|fad|fade|faded|fed|fee|feed)[0-9]+)$/;
/** Letters then digits or digits then letters (`ad2025`, `2024ab`): one run each, as people write. */
const TWO_RUNS = /^(?:[a-z]+[0-9]+|[0-9]+[a-z]+)$/;
/** A hex digest must mix digits and letters: all-digit runs are dates, ids or versions
 *  (`20240115`), all-letter runs are words (`deadbeef`, `facade`), and `cafe2024` is a word too. */
function isHexDigest(t, minLength = 8) {
    if (t.length < minLength || t.length > 128 || !HEX.test(t) || !HAS_DIGIT.test(t) || !HAS_HEX_LETTER.test(t))
        return false;
    if (HEX_WORD_NUMBER.test(t))
        return false;
    // Short runs need the interleaving a random string almost always has (7% of 8-hex digests lack it,
    // so it is only asked of the lengths where a colour or a word plus a year is as likely).
    if (t.length < 8 && TWO_RUNS.test(t))
        return false;
    return true;
}
/** A UUID (`550e8400-e29b-41d4-a716-446655440000`) names a record, not content: never a content hash. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function endsWithUuid(stem) {
    return stem.length >= 36 && stem.charAt(stem.length - 13) === '-' && UUID.test(stem.slice(-36));
}
const BASE64URL8 = /^[A-Za-z0-9_-]{8}$/;
/**
 * A content hash of a length other than 8 in an alphabet larger than hex (custom `[hash:N]` in
 * Rollup/Vite, webpack `hashDigest: 'base64'`, base36/base62 ids): only letters and digits (with `-`
 * or `_` the token's bounds are ambiguous), 10 to 32 chars, all three of digits, lower and upper case
 * (80% of random 10-char base64url runs; 95%+ from 14 chars), and not words and numbers run together.
 */
function isRandomAlnum(t) {
    return /^[A-Za-z0-9]{10,32}$/.test(t) && letterClasses(t) === 3 && !readsAsWordsAndNumbers(t);
}
/**
 * Vite/Rollup/Astro/SvelteKit/VitePress/Nuxt 3 hashes are 8 chars of base64url (`[A-Za-z0-9_-]`,
 * e.g. `CfaFZ-lr`), esbuild/Angular 17+ hashes are 8 chars of base32 (`[A-Z2-7]`, e.g. `FFHMD2TL`).
 * Random tokens of that shape are accepted unless they read like something a person typed: a number
 * or date, a (camel-cased) word with an optional number, a dimension, a capitalised word with or
 * without a number, or words joined by `-`/`_`. `my-component-abcdefgh.js` is therefore NOT
 * fingerprinted: all-lowercase letters are as likely a word as a hash (a random base64url hash is all
 * lowercase letters 0.08% of the time), and precision comes first.
 */
function isRandomToken8(t) {
    if (!BASE64URL8.test(t))
        return false;
    const parts = t.split(/[-_]/);
    if (parts.length > 1) {
        // Framework markers and constants are not hashes: `__PAGE__` (Next.js segment payloads),
        // `__init__`, `MY_CONST`, `V2_FINAL`: a doubled separator, or separators with no lower-case
        // letter at all (a random 8-char base64url run with a `-`/`_` has one 99% of the time), or a
        // single letter case without digits. Together these cost ~1% of Vite/Rollup hashes (misses only).
        if (t.includes('__') || t.includes('--') || !/[a-z]/.test(t))
            return false;
        if (letterClasses(t) < 2)
            return false; // `my_thing`, `abc-defg`
        return !parts.every(isPlainPart); // `v2-final`, `IMG_2024`, `14-30-22`
    }
    if (!/[A-Za-z]/.test(t))
        return false; // `20240115`
    if (/^[a-z]+$/.test(t) || readsAsWords(t) || isNumberish(t))
        return false;
    const caps = /^([A-Z]+)([0-9]*)$/.exec(t);
    if (caps) {
        const [, letters = '', digits = ''] = caps;
        if (digits.length >= 3)
            return false; // `SALE2024`, `DSC01234`
        // `OVERVIEW`; and `BUDGET99`: a 0, 1, 8 or 9 rules out esbuild's base32, and as base64 the
        // capitals-then-digits shape is rare, so the word test costs almost nothing there. Capitals then
        // esbuild digits (`MGEROZH7`, `WEUPETY5`) read as English too often to be tested: `SPRING24`-style
        // names remain a known, rare risk.
        if ((digits === '' || /[0189]/.test(digits)) && looksEnglish(letters))
            return false;
    }
    return true;
}
/** Hugo image processing: `<name>_hu<32 hex md5 of source>_<bytes>_<WxH>_<op>...`; also accepted with a
 *  shorter (16+) hex or decimal hash after `_hu`, in case later versions shorten it. The hash is of the
 *  source image; the processing options follow it in the name. */
const HUGO_IMAGE = /_hu_?([0-9a-f]{16,64})(?:_|$)/;
const CODE_EXT = new Set(['js', 'mjs', 'cjs', 'css']);
/** eleventy-img: `<id>-<width>.<format>`, `id` a hash (10 chars by default) of the source image and
 *  the options, e.g. `img/6dfd7ac6c4-300.jpeg`. Only for image formats, and the id must look random. */
const ELEVENTY_IMAGE = /^([A-Za-z0-9_-]{8,16})-([0-9]{2,5})$/;
const IMAGE_EXT = new Set(['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'svg', 'jxl']);
/** Name rule: a hash token right before the extension (or right before constant words such as
 *  `.chunk.min`), or the whole name being a digest. */
function hashTokenOf(parts) {
    for (const stem of parts.stems) {
        const hit = hashTokenAtEnd(stem, parts.ext);
        if (hit)
            return hit;
    }
    const { stem, ext } = parts;
    const hu = HUGO_IMAGE.exec(stem);
    if (hu)
        return { token: hu[1] ?? '', reason: `Hugo processed-image name (_hu + ${hu[1]?.length}-char hex source hash)` };
    const ele = IMAGE_EXT.has(ext) ? ELEVENTY_IMAGE.exec(stem) : null;
    const id = ele?.[1] ?? '';
    if (ele && (isHexDigest(id) || isRandomToken8(id) || isRandomAlnum(id))) {
        return { token: id, reason: `name is <hash>-<width> (eleventy-img style, ${id.length}-char hash)` };
    }
    return null;
}
function hashTokenAtEnd(stem, ext) {
    if (endsWithUuid(stem))
        return null;
    // Hex: the segment after the last `.` or `-` (hex has neither).
    const sep = Math.max(stem.lastIndexOf('.'), stem.lastIndexOf('-'));
    const hex = stem.slice(sep + 1);
    // An 8-hex hash is all digits 2.3% of the time. Accepted only for code (`main.12345678.js`, as CRA,
    // Parcel and Docusaurus emit), after a dot, and when it is not a date; never for media or documents,
    // where 8 digits are camera counters, ids and dates.
    if (/^[0-9]{8}$/.test(hex) && stem[sep] === '.' && CODE_EXT.has(ext) && !DATE8.test(hex)) {
        return { token: hex, reason: `name has an 8-digit hex content hash before the extension (${hexStyle(8)})` };
    }
    if (sep >= 0 && isHexDigest(hex, stem[sep] === '.' ? 6 : 8)) {
        return { token: hex, reason: `name has a ${hex.length}-char hex content hash before the extension (${hexStyle(hex.length)})` };
    }
    // The whole name is a digest: webpack asset modules `[hash][ext]` (20), Turbopack chunks (16),
    // `[contenthash:10].js`. 8 hex alone (`deadbeef.txt`, `abcdef12.js`) is too easily a real name, and
    // 10 to 15 must interleave digits and letters.
    if (sep < 0 && isHexDigest(hex, 10) && (hex.length >= 16 || !TWO_RUNS.test(hex))) {
        return { token: hex, reason: `whole name is a ${hex.length}-char hex content hash (webpack [hash][ext] / Turbopack style)` };
    }
    // A long hex digest after `_` (`name_<md5>.png`): 16+ mixed hex is never a word, date or counter.
    const us = stem.includes('_') ? /_([0-9a-f]{16,128})$/.exec(stem) : null;
    if (us && isHexDigest(us[1] ?? '')) {
        return { token: us[1] ?? '', reason: `name has a ${us[1]?.length}-char hex content hash after '_'` };
    }
    // base64url / base32, 8 chars, after `.` or `-` (the token itself may contain `-` and `_`).
    if (stem.length > 8) {
        const before = stem[stem.length - 9];
        const tok = stem.slice(-8);
        if ((before === '.' || before === '-') && isRandomToken8(tok)) {
            const style = /^[A-Z2-7]{8}$/.test(tok)
                ? 'base32 content hash before the extension (esbuild/Angular style)'
                : 'base64url content hash segment before the extension (vite/rollup style)';
            return { token: tok, reason: `name has an 8-char ${style}` };
        }
    }
    // Other lengths of base64url/base62 (custom `[hash:12]`), letters and digits only.
    const alnum = stem.slice(sep + 1);
    if (sep >= 0 && isRandomAlnum(alnum)) {
        return { token: alnum, reason: `name has a ${alnum.length}-char base62/base64url content hash before the extension` };
    }
    // Hash-only code file (`[hash].js`, `[contenthash].css`): 8+ chars of letters and digits of all kinds.
    if (sep < 0 && CODE_EXT.has(ext) && /^[A-Za-z0-9]{8,32}$/.test(stem) && letterClasses(stem) === 3 && !readsAsWordsAndNumbers(stem)) {
        return { token: stem, reason: `whole name is a ${stem.length}-char content hash` };
    }
    return null;
}
/** Looser test for directories that only ever hold generated files (`_astro/`, `_nuxt/`): also a
 *  whole-name 8-char token (Nuxt 3 `[hash].js`), any 7+ hex (Nuxt 2 `[contenthash:7]`), and Astro's
 *  optimised images `<name>.<source hash>_<options hash>.<ext>`. */
function relaxedTokenOf(parts) {
    const strict = hashTokenOf(parts);
    const { stem } = parts;
    if (strict)
        return strict;
    if (isRandomToken8(stem))
        return { token: stem, reason: 'whole name is an 8-char content hash' };
    const hex = endsWithUuid(stem) ? null : /(?:^|[.-])([0-9a-f]{7,64})$/.exec(stem);
    if (hex)
        return { token: hex[1] ?? '', reason: `name has a ${hex[1]?.length}-char hex content hash` };
    const astro = /\.([A-Za-z0-9_-]{8})_[A-Za-z0-9_-]+$/.exec(stem);
    if (astro && isRandomToken8(astro[1] ?? '')) {
        return { token: astro[1] ?? '', reason: 'name has an 8-char source content hash (Astro optimised image)' };
    }
    return null;
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/layout.ts


const WELL_KNOWN = /(?:^|\/)\.well-known\//;
const NEXT_SEGMENT_PAYLOAD = /(?:^|\/)__next[._][^/]*$/;
/** Next.js serves all of `/_next/static/` with `immutable` itself: chunk/css/media names carry content
 *  hashes, and `_next/static/<buildId>/_buildManifest.js` / `_ssgManifest.js` sit in a directory that is
 *  new for every build, so no URL there is ever reused for other content. (A constant custom
 *  `generateBuildId` would break that, and Next's own caching along with it.) */
const NEXT_STATIC = /(?:^|\/)_next\/static\//;
/** SvelteKit: `<appDir>/immutable/` holds only content-hashed files ("can be cached forever"). */
const SVELTEKIT_IMMUTABLE = /(?:^|\/)_app\/immutable\//;
/** Gatsby: `static/<md5 content digest>/<original name>` (files imported or queried via publicURL). */
const GATSBY_STATIC = /(?:^|\/)static\/[0-9a-f]{32}\//;
/** Astro `build.assets` and Nuxt `buildAssetsDir`: generated files only, but not all hashed (Nuxt's
 *  `_nuxt/builds/latest.json` is mutable), so a hash token is still required. */
const GENERATED_DIRS = [
    [/(?:^|\/)_astro\//, 'under _astro/ (Astro build assets)'],
    [/(?:^|\/)_nuxt\//, 'under _nuxt/ (Nuxt build assets)'],
];
function yes(reason) {
    return { fingerprinted: true, reason };
}
function no(reason) {
    return { fingerprinted: false, reason };
}
/** Verdicts that override every automatic rule (but not the user's explicit patterns). */
function neverFingerprinted(path, parts) {
    if (HTML_EXT.has(parts.ext))
        return no('HTML document: entry pages must stay mutable, never fingerprinted');
    if (WELL_KNOWN.test(path))
        return no('.well-known/ URLs are fixed by their specs and stay mutable');
    // Next.js 16 App Router static export: per-route RSC segment payloads named from the route tree
    // (`__next.blog.$d$slug.__PAGE__.txt`, `__next._tree.txt`), rewritten in place on every build.
    if (path.includes('__next') && NEXT_SEGMENT_PAYLOAD.test(path))
        return no('Next.js route segment payload (__next.*): rewritten in place, mutable');
    return null;
}
/** Directory and name rules only; used when no manifest or user pattern applies. */
function isFingerprintedName(path) {
    const parts = nameParts(path);
    return neverFingerprinted(path, parts) ?? layoutVerdict(path, parts);
}
function layoutVerdict(path, parts) {
    if (NEXT_STATIC.test(path))
        return yes('under _next/static/ (Next.js immutable build assets: hashed names or a per-build directory)');
    if (SVELTEKIT_IMMUTABLE.test(path))
        return yes('under _app/immutable/ (SvelteKit immutable, content-hashed assets)');
    if (GATSBY_STATIC.test(path))
        return yes('under static/<md5>/ (Gatsby content-digest directory)');
    if (parts.ext === '')
        return no('no extension: not a bundler output name');
    for (const [re, where] of GENERATED_DIRS) {
        if (re.test(path)) {
            const hit = relaxedTokenOf(parts);
            return hit ? yes(`${where}; ${hit.reason}`) : no(`${where} but no content-hash token in the name`);
        }
    }
    const hit = hashTokenOf(parts);
    return hit ? yes(hit.reason) : no('no content-hash token in the name');
}

;// CONCATENATED MODULE: ./src/plan/fingerprint/manifests.ts




function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function dirName(p) {
    const i = p.lastIndexOf('/');
    return i < 0 ? '' : p.slice(0, i);
}
/**
 * Map a manifest reference to a build file: Vite's paths are relative to the outDir, CRA and
 * webpack-manifest-plugin give URL paths that carry the public path (`/static/js/x.js`,
 * `/app/static/js/x.js`, `https://cdn/x.js`). Leading segments are dropped until a build file matches.
 */
function resolveRef(ref, baseDir, files) {
    let p = ref.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
    try {
        p = decodeURI(p);
    }
    catch {
        /* keep as is */
    }
    const segs = p.split('/').filter((s) => s !== '' && s !== '.');
    for (let i = 0; i < segs.length; i++) {
        const rel = segs.slice(i).join('/');
        const candidate = baseDir ? `${baseDir}/${rel}` : rel;
        if (files.has(candidate))
            return candidate;
    }
    return null;
}
/** Read every manifest into claims: build file -> which manifest lists it, under what logical name. */
function manifestClaims(manifests, files) {
    const claims = new Map();
    for (const [mPath, text] of Object.entries(manifests)) {
        let json;
        try {
            json = JSON.parse(text);
        }
        catch {
            continue;
        }
        if (!isObject(json))
            continue;
        const vite = /(?:^|\/)\.vite\/manifest\.json$/.test(mPath);
        // Vite: relative to the outDir, the folder holding `.vite/` (or holding manifest.json for Vite <= 4).
        const baseDir = vite ? dirName(dirName(mPath)) : dirName(mPath);
        const claim = (ref, logical) => {
            if (typeof ref !== 'string')
                return;
            const file = resolveRef(ref, baseDir, files);
            // First claim wins, except that one naming the logical source beats one that does not.
            if (file && (!claims.has(file) || (logical && claims.get(file)?.logical === undefined))) {
                claims.set(file, logical ? { manifest: mPath, logical } : { manifest: mPath });
            }
        };
        const values = Object.values(json);
        if (values.length > 0 && values.every((v) => isObject(v) && typeof v['file'] === 'string')) {
            // Vite: { "<src>": { file, name?, names?, src?, css?: [], assets?: [] } }
            for (const v of values) {
                const names = v['names'];
                const name = typeof v['name'] === 'string'
                    ? v['name']
                    : Array.isArray(names) && typeof names[0] === 'string'
                        ? names[0]
                        : typeof v['src'] === 'string'
                            ? v['src']
                            : undefined;
                claim(v['file'], name);
                for (const c of Array.isArray(v['css']) ? v['css'] : [])
                    claim(c, typeof v['name'] === 'string' ? v['name'] : undefined);
                for (const a of Array.isArray(v['assets']) ? v['assets'] : [])
                    claim(a);
            }
        }
        else if (isObject(json['files'])) {
            // CRA asset-manifest.json: { files: { "<logical name>": "/<public path>/<output>" }, entrypoints: [] }
            for (const [k, v] of Object.entries(json['files']))
                claim(v, k);
            const entry = json['entrypoints'];
            for (const e of Array.isArray(entry) ? entry : [])
                claim(e);
        }
        else if (values.length > 0 && values.every((v) => typeof v === 'string')) {
            // webpack-manifest-plugin: { "<logical name>": "<public path>/<output>" }. A PWA manifest with only
            // string fields also lands here; its values are not build files, or are checked like any other.
            for (const [k, v] of Object.entries(json))
                claim(v, k);
        }
    }
    return claims;
}
/**
 * With a manifest we know the logical name (`main.js`, chunk `about`, `src/assets/hero.png`), so the
 * part the bundler inserted can be isolated: `main.js` -> `main.3a2b1c00.js` inserted `3a2b1c00`.
 * Inserted text that is a hex digest of any composition (all digits, all letters; not a date), or a
 * base64url run of any length that does not read like words (`kqzvbwyx`, which the name rule alone
 * refuses), is the template's hash. `[name].js` templates insert nothing, and constant words
 * (`.bundle`, `-v2`, `-settings`) are rejected.
 */
function insertedHash(outputStem, logical) {
    const lp = nameParts(logical);
    const ls = lp.ext ? lp.stem : baseName(logical);
    if (ls === '' || outputStem.length <= ls.length + 1 || !outputStem.startsWith(ls))
        return null;
    if (!'.-_~'.includes(outputStem[ls.length] ?? ''))
        return null;
    const r = outputStem.slice(ls.length + 1);
    if (!/^[A-Za-z0-9_-]{6,128}$/.test(r))
        return null;
    if (HEX.test(r))
        return DATE8.test(r) ? null : r;
    if (/^[A-Z]+$/.test(r) && looksEnglish(r))
        return null;
    // Any length (custom `[hash:10]`) and any letters (`kqzvbwyx`), unless it reads as words or numbers.
    return r.split(/[-_]/).every(isPlainPart) ? null : r;
}
function manifestVerdict(parts, claim) {
    if (claim.logical !== undefined && parts.ext !== '') {
        const h = insertedHash(parts.stem, claim.logical);
        if (h)
            return yes(`listed as hashed output in ${claim.manifest} ('${claim.logical}' -> content hash '${h}')`);
    }
    if (parts.ext === '')
        return null;
    const hit = hashTokenOf(parts);
    return hit ? yes(`listed as hashed output in ${claim.manifest}; ${hit.reason}`) : null;
}

;// CONCATENATED MODULE: ./src/plan/fingerprint.ts
// Fingerprint classifier: is a build file's NAME content-hashed by its bundler?
//
// A fingerprinted file gets a new name whenever its content changes, so it may be cached
// `immutable, max-age=31536000` and never needs a CloudFront invalidation. A false positive gives a
// mutable file a one-year immutable cache, so every rule here prefers a miss to a wrong hit.
//
// Pure: plain data in, plain data out (no fs, no process.env). Evidence, strongest first:
//   1. the user's `fingerprint-patterns` globs;
//   2. never: HTML documents and `.well-known/` (entry URLs must stay mutable);
//   3. bundler manifests (`.vite/manifest.json`, CRA `asset-manifest.json`, webpack-manifest-plugin);
//   4. directories whose framework guarantees hashed names (`_next/static/`, `_app/immutable/`, ...);
//   5. the name itself: a hash token right before the extension, in a format some bundler emits;
//   6. history: name shapes learned from earlier deploys (`fingerprint-history.ts`).
// Above all of them, a `demoted` path (its name was reused with new content) is never fingerprinted.






/**
 * Manifest files the caller should read and pass in `manifests` (relative paths or picomatch globs).
 * - `.vite/manifest.json`: Vite >= 5 with `build.manifest` (a hidden dir, so also listed literally).
 * - `**\/.vite/manifest.json`: the same when the Vite outDir is a subfolder of the deployed dir.
 * - `manifest.json`: Vite <= 4 and webpack-manifest-plugin's default name. Usually it is a PWA web app
 *   manifest instead; that shape is recognised and ignored.
 * - `asset-manifest.json`: create-react-app (and react-scripts forks).
 * Not listed: Next.js `build-manifest.json` lives in `.next/`, not in the `out/` of a static export, and
 * everything it could list is under `_next/static/`, which the directory rule covers anyway.
 */
const MANIFEST_GLOBS = ['.vite/manifest.json', '**/.vite/manifest.json', 'manifest.json', 'asset-manifest.json'];
function describeShape(s) {
    return `${s.dir ? `${s.dir}/` : ''}${s.before}<${s.length}-char ${s.alphabet} hash>${s.after}`;
}
/** One verdict for every path in `input.files`. */
function classifyFingerprints(input) {
    const files = new Set(input.files);
    const userMatchers = (input.userPatterns ?? [])
        .map((g) => g.trim())
        .filter((g) => g !== '')
        .map((g) => ({ glob: g, test: picomatch_default()(g.replace(/^\.?\//, ''), { dot: true }) }));
    const claims = manifestClaims(input.manifests, files);
    const out = new Map();
    const learnedByDir = new Map();
    for (const s of input.learned ?? [])
        learnedByDir.set(s.dir, [...(learnedByDir.get(s.dir) ?? []), s]);
    for (const path of input.files) {
        // Demotion wins over everything, the user's own patterns included: it is an observed fact (this
        // name was served with one content and now has another), while a pattern is a declaration that the
        // build has just broken. Trusting the pattern would give the new content the old content's year-long
        // immutable cache; distrusting it costs one invalidation.
        if (input.demoted?.has(path)) {
            out.set(path, no('demoted: name reused with new content'));
            continue;
        }
        // The user's explicit list wins over everything else, HTML included: it is their declared contract.
        const user = userMatchers.find((m) => m.test(path));
        if (user) {
            out.set(path, yes(`user fingerprint-patterns glob '${user.glob}'`));
            continue;
        }
        const parts = nameParts(path);
        const never = neverFingerprinted(path, parts);
        if (never) {
            out.set(path, never);
            continue;
        }
        const claim = claims.get(path);
        const fromManifest = claim ? manifestVerdict(parts, claim) : null;
        const verdict = fromManifest ?? layoutVerdict(path, parts);
        const shape = verdict.fingerprinted ? undefined : learnedByDir.get(dirName(path))?.find((s) => matchesShape(path, s));
        out.set(path, shape ? yes(`learned from history: ${describeShape(shape)}`) : verdict);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plan/policies.ts



/**
 * What the bucket holds, per key, with what the action knows beyond the listing: the content MD5 and headers
 * hash from its record (trusted only while the listed ETag still equals the recorded one), and MD5s read by HEAD.
 */
function remoteStates(remote, state, headMd5, headHeaders = {}) {
    const out = new Map();
    for (const o of remote) {
        const rec = state?.objects[o.key];
        const known = { ...o };
        if (rec && ledgerEtag(rec) === o.etag) {
            known.storedMd5 = rec[1];
            if (rec[2])
                known.headersHash = rec[2];
            if (rec[3])
                known.readingHash = rec[3];
        }
        const head = headMd5[o.key];
        if (head !== undefined && known.storedMd5 === undefined)
            known.storedMd5 = head;
        const headers = headHeaders[o.key];
        if (headers !== undefined && known.headersHash === undefined)
            known.storedHeaders = headers;
        out.set(o.key, known);
    }
    return out;
}
/** The ETag an entry records: written as '' when it is the content MD5 (a single PUT), which keeps the ledger small. */
const ledgerEtag = (rec) => rec[0] || rec[1];
/** A ledger entry, the ETag left out when it is the MD5. */
function entry(etag, md5, headersHash, readingHash) {
    const e = etag === md5 ? '' : etag;
    return readingHash ? [e, md5, headersHash, readingHash] : [e, md5, headersHash];
}
/** Local files with the multipart ETags computed for foreign multipart objects. */
function withMultipartEtags(files, multipartEtags) {
    return files.map((f) => {
        const etag = multipartEtags[f.path];
        return etag === undefined ? f : { ...f, multipartEtag: etag };
    });
}
/**
 * Invalidate-only mode has nothing but the diff to go on: without a whole diff, `/*` only when allowed
 * (missing-diff: all); otherwise a warning. Upload mode relies on the sync for what the diff misses.
 */
function missingDiffFallback(config, diff) {
    if (config.upload || !diff.incomplete)
        return { manual: config.paths, warning: null };
    const why = diff.note ?? 'unavailable';
    // No previous commit at all (a manual run): a paths input is the whole list, as given.
    if (diff.source === 'none' && config.missingDiff === 'warn' && config.paths.length > 0)
        return { manual: config.paths, warning: null };
    if (config.missingDiff === 'all') {
        return {
            manual: [...config.paths, '/*'],
            warning: `The commit diff is incomplete (${why}): invalidating /* as missing-diff: all allows`,
        };
    }
    const noDiff = diff.source === 'none';
    return {
        manual: config.paths,
        warning: noDiff
            ? `No commit diff (${why}): nothing of this commit is invalidated; give the paths input or diff-base, or set missing-diff: all to fall back to /*`
            : `The commit diff is incomplete (${why}): only the paths input and the diff that was read are invalidated; set missing-diff: all to fall back to /*`,
    };
}
/**
 * The batch must fit in what is left in flight: total paths within the file-path room (which keeps the exact
 * ones under it too) and wildcards within the wildcard room; never below 1 (CloudFront then queues it).
 */
function inFlightBudget(maxPaths, usage) {
    return {
        budget: Math.max(1, Math.min(maxPaths, MAX_IN_FLIGHT_PATHS - (usage?.inFlightPaths ?? 0))),
        maxWildcards: Math.max(1, MAX_IN_FLIGHT_WILDCARDS - (usage?.inFlightWildcards ?? 0)),
    };
}
/** Keys that stay at the origin without being synced (protected, excluded): cached too, so collateral counts them. */
function collateralKeys(listed, sync) {
    const synced = new Set(sync.map((e) => e.key));
    return listed.filter((o) => !synced.has(o.key)).map((o) => o.key);
}
/** Assets first, entry documents (HTML and the entry-documents globs) last: a page never goes live before what it references. */
function uploadWaves(files, isEntry) {
    const uploads = files.filter((f) => f.entry.action === 'upload');
    // strip-index-html's `d/` goes live with its `d/index.html`: judged by the file it uploads.
    return [uploads.filter((f) => !isEntry(f.source)), uploads.filter((f) => isEntry(f.source))];
}
/**
 * verify-url: the invalidated URLs of files overwritten by this run, each with the MD5 the CDN must now serve
 * (directory forms carry their index document's MD5).
 */
function verifyTargets(plan, files) {
    if (!plan)
        return [];
    const byKey = new Map(files.filter((f) => f.entry.action === 'upload').map((f) => [f.key, f]));
    return plan.stale.flatMap((s) => {
        const file = s.reason === 'overwritten' && s.source ? byKey.get(s.source) : undefined;
        return file ? [{ path: encodeCloudFrontPath(s.path), md5: file.md5 }] : [];
    });
}
/**
 * The record after this run: uploaded objects with their new ETag and headers; unchanged ones keep what was
 * known (headers the action did not record stay unknown, '' , never assumed). Objects not uploaded for lack of
 * an ETag (a failed run) are left out, so the next run compares them afresh.
 */
function nextState(files, remote, etags) {
    const objects = {};
    for (const f of files) {
        const o = remote.get(f.key);
        if (f.entry.action === 'upload') {
            const etag = etags[f.key];
            if (etag)
                objects[f.key] = entry(etag, f.md5, (0,plan_headers/* headersHash */.f3)(f.headers), (0,plan_headers/* readingHash */.v6)(f.headers));
        }
        else if (f.entry.action === 'unchanged' && o?.storedHeaders) {
            // Read with HEAD and equal to the rules (else it would have been re-uploaded): now they are known.
            objects[f.key] = entry(o.etag, f.md5, (0,plan_headers/* headersHash */.f3)(f.headers), (0,plan_headers/* readingHash */.v6)(f.headers));
        }
        else if (f.entry.action === 'unchanged' && o) {
            objects[f.key] = entry(o.etag, f.md5, o.headersHash ?? '', o.readingHash);
        }
    }
    return { version: 1, objects };
}
/** A warning when many objects are about to be deleted (close to the cap). */
function deleteWarning(deletes, maxDeletes) {
    if (maxDeletes <= 0 || deletes <= 0.8 * maxDeletes)
        return null;
    return `${deletes} objects will be deleted: close to max-deletes (${maxDeletes}). Check source-dir and prefix.`;
}

;// CONCATENATED MODULE: ./src/plan/ledger.ts


/** How many deploys the ledger remembers. */
const DEPLOYS_KEPT = 10;
/**
 * What the previous deploy and this build prove: name shapes whose token follows the content (learned), and
 * names reused with new content (demoted, which also drops any shape they match).
 */
function historyEvidence(ledger, prefix, local) {
    const demoted = new Set(ledger?.demoted ?? []);
    const previous = Object.entries(ledger?.objects ?? {})
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, entry]) => ({ path: key.slice(prefix.length), md5: entry[1] }));
    const learned = learnShapes(previous, local.map((f) => ({ path: f.path, md5: f.md5 })), ledger?.shapes ?? []);
    return { learned: dropShapes(learned, [...demoted]), demoted };
}
/**
 * Names called fingerprinted that the bucket already holds with other content: the name did not change when
 * the content did, which proves it is not content-hashed.
 */
function reusedNames(files) {
    return files.filter((f) => f.verdict.fingerprinted && f.entry.action === 'upload' && (f.entry.reason === 'content-changed' || f.entry.reason === 'size-changed'));
}
function demotionWarning(f, before) {
    return (`${f.path} was taken for fingerprinted (${before.reason}) but the bucket holds other content under the same name: ` +
        `demoted (name reused with new content). It is uploaded with the mutable Cache-Control, invalidated, and kept mutable from now on.`);
}
/** Verdict for a path not in the build (a removed object): demoted, else a learned shape, else the name rules. */
function removedVerdict(path, evidence, byName) {
    if (evidence.demoted.has(path))
        return { fingerprinted: false, reason: 'demoted: name reused with new content' };
    const shape = evidence.learned.find((s) => matchesShape(path, s));
    return shape ? { fingerprinted: true, reason: 'learned from history' } : byName(path);
}
/**
 * Removed objects: the ones that are not fingerprinted go now (their URLs must stop serving); fingerprinted
 * ones stay `keepMs` after they left the build, for pages already open, and a later deploy deletes them.
 */
function planRemovals(deletes, fingerprinted, previous, now, keepMs) {
    const out = { now: [], due: [], waiting: [], pending: {} };
    for (const e of deletes) {
        if (!fingerprinted(e.path) || keepMs <= 0) {
            out.now.push(e);
            continue;
        }
        const since = previous[e.key]?.since ?? now;
        if (now - since >= keepMs)
            out.due.push(e);
        else
            out.waiting.push({ ...e, dueAt: since + keepMs });
        // Due ones stay recorded until the listing shows them gone (a crash before the delete loses nothing).
        out.pending[e.key] = { since, size: e.size };
    }
    return out;
}
/** Pending deletions of objects no longer in the bucket are forgotten; ones back in the build are dropped. */
function livePending(pending, listed) {
    return Object.fromEntries(Object.entries(pending ?? {}).filter(([key]) => listed.has(key)));
}
/** The ledger after this run: the objects as nextState records them, plus what the run learned and owes. */
function nextLedger(previous, u) {
    const { objects } = nextState(u.files, u.remote, u.etags);
    const deploys = [...(u.deploy ? [u.deploy] : []), ...(previous?.deploys ?? [])].slice(0, DEPLOYS_KEPT);
    return {
        version: 2,
        objects,
        demoted: [...u.demoted].sort(),
        shapes: u.shapes,
        pending: u.pending,
        deploys,
    };
}
/** Whether what the ledger knows beyond the objects changed (so it must be written even with no upload). */
function ledgerKnowledgeChanged(previous, next) {
    const norm = (s) => JSON.stringify([s?.demoted ?? [], s?.shapes ?? [], Object.keys(s?.pending ?? {}).sort()]);
    return norm(previous) !== norm(next);
}
/**
 * May this commit deploy over the one the ledger says is live? `older`: the live one descends from it (an
 * out-of-order or re-run workflow) - refused unless allow-older, or a force push that discarded the live commit
 * (resetting a branch to a good commit). `unknown`: no proof either way - refused too, unless allow-older: an
 * older build must never silently replace a newer one.
 */
function commitGuard(g) {
    const { order, ours, live } = g;
    if (order === 'none' || !live)
        return { verdict: 'deploy', reason: 'no-live-commit' };
    if (order === 'same')
        return { verdict: 'deploy', reason: 'same-commit' };
    if (order === 'newer' || order === 'diverged')
        return { verdict: 'deploy', reason: order };
    if (g.forcePushOverLive)
        return { verdict: 'deploy', reason: 'force-push' };
    if (g.allowOlder)
        return { verdict: 'deploy', reason: 'allow-older' };
    if (order === 'older') {
        return {
            verdict: 'refuse',
            reason: 'older',
            message: `The bucket holds a deploy of ${live.slice(0, 12)}, which is newer than this run's commit ${ours.slice(0, 12)} ` +
                `(it descends from it): a run that finished out of order, or a re-run of an old workflow. Nothing was written. ` +
                `Set allow-older: true to deploy an older commit on purpose (a rollback).`,
        };
    }
    return {
        verdict: 'refuse',
        reason: 'unknown',
        message: `Could not tell whether this run's commit ${ours.slice(0, 12)} is older than the live deploy's ${live.slice(0, 12)} ` +
            `(${g.note ?? 'no history'}). Nothing was written: an older build must not replace a newer one unnoticed. ` +
            `Check out with actions/checkout fetch-depth: 0, or give the action a github-token that can read the repository ` +
            `(contents: read) for the compare API; set allow-older: true to deploy whatever the order.`,
    };
}
/** The refusal message of commitGuard, or null when the commit may deploy. */
function olderCommitRefusal(order, ours, live, allowOlder, forcePushOverLive = false, note) {
    const g = commitGuard({ order, ours, live, allowOlder, forcePushOverLive, ...(note ? { note } : {}) });
    return g.verdict === 'refuse' ? g.message : null;
}

;// CONCATENATED MODULE: ./src/plan/sync.ts


/** ETag of a single-part, non-KMS object is the hex MD5 of its body. */
function contentMatch(local, remote) {
    const etag = remote.etag.toLowerCase();
    if (etag === local.md5)
        return 'md5-match';
    if (local.multipartEtag && etag === local.multipartEtag)
        return 'multipart-etag-match';
    if (remote.storedMd5 && remote.storedMd5 === local.md5)
        return 'stored-hash-match';
    return null;
}
/**
 * True when the listing alone cannot tell whether the object matches: same size but an ETag that is not
 * this file's MD5 (multipart, SSE-KMS, or another tool's upload). One HeadObject reads the stored hash.
 */
function needsHead(local, remote) {
    if (remote.size !== local.size)
        return false;
    const etag = remote.etag.toLowerCase();
    return etag !== local.md5 && etag !== local.multipartEtag;
}
function isReservedKey(key, prefix) {
    return isOwnKey(key, prefix, '');
}
/** The recorded headers hash differs, or (no record) the headers read with HEAD differ from the rules. */
function headersChanged(path, obj, opts) {
    if (obj.headersHash !== undefined)
        return opts.headersHash !== undefined && obj.headersHash !== opts.headersHash(path);
    return obj.storedHeaders !== undefined && opts.headersDiffer !== undefined && opts.headersDiffer(path, obj);
}
function planSync(local, remote, opts) {
    const entries = [];
    const localKeys = new Set();
    for (const file of local) {
        const key = keyFor(opts.prefix, file.path);
        localKeys.add(key);
        const obj = remote.get(key);
        if (!obj) {
            entries.push({ key, path: file.path, action: 'upload', reason: 'new', size: file.size, overwrites: false });
            continue;
        }
        const match = contentMatch(file, obj);
        if (opts.force) {
            entries.push({
                key,
                path: file.path,
                action: 'upload',
                reason: 'forced',
                size: file.size,
                overwrites: true,
                sameBytes: match !== null,
            });
        }
        else if (match && headersChanged(file.path, obj, opts)) {
            entries.push({
                key,
                path: file.path,
                action: 'upload',
                reason: 'headers-changed',
                size: file.size,
                overwrites: true,
                sameBytes: true,
            });
        }
        else if (match) {
            entries.push({ key, path: file.path, action: 'unchanged', reason: match, size: file.size });
        }
        else {
            const reason = obj.size !== file.size ? 'size-changed' : 'content-changed';
            entries.push({ key, path: file.path, action: 'upload', reason, size: file.size, overwrites: true });
        }
    }
    if (opts.deleteRemoved) {
        for (const obj of remote.values()) {
            if (localKeys.has(obj.key) || !obj.key.startsWith(opts.prefix) || isReservedKey(obj.key, opts.prefix))
                continue;
            const rel = obj.key.slice(opts.prefix.length);
            if (opts.isProtected(rel))
                continue;
            entries.push({ key: obj.key, path: rel, action: 'delete', reason: 'removed-locally', size: obj.size });
        }
    }
    return entries;
}
/** Deletes over the cap abort the run before any write. */
function checkDeleteCap(entries, maxDeletes) {
    const n = entries.filter((e) => e.action === 'delete').length;
    if (maxDeletes < 0 || n <= maxDeletes)
        return null;
    return (`${n} objects would be deleted, over max-deletes (${maxDeletes}). Nothing was uploaded or deleted. ` +
        `If this is intended, raise max-deletes to at least ${n} (or -1 for no cap); if not, check source-dir and prefix.`);
}

;// CONCATENATED MODULE: ./src/plan/files.ts
// The per-file decisions: what each file is (fingerprinted or not, and why), how it is served (headers), and
// what the sync does with it. Pure.









/** Which build files the `gzip` input stores compressed. */
function gzipMatcher(config) {
    return config.gzip.length === 0 ? () => false : picomatch_default()(config.gzip, { dot: true });
}
/**
 * What the bucket should hold: the build's files (gzip ones with the size and MD5 of their compressed bytes),
 * plus, with strip-index-html, each `d/index.html` again under the key `d/`.
 */
function deployedFiles(config, facts) {
    const files = withMultipartEtags(facts.scan?.files ?? [], facts.multipartEtags).map((f) => {
        const g = facts.gzipped[f.path];
        return g ? { path: f.path, size: g.size, md5: g.md5, gzip: true } : f;
    });
    if (!config.stripIndexHtml)
        return files;
    const stripped = files.flatMap((f) => {
        const key = strippedKeyFor(f.path, config.indexDocument);
        return key ? [{ ...f, path: key, source: f.path }] : [];
    });
    return [...files, ...stripped];
}
/** Keys the delete step leaves alone; strip-index-html's `d/` is judged as the `d/index.html` it copies. */
function deleteGuard(config) {
    const guard = makeDeleteGuard(makeFileFilter(config.include, config.exclude), config.protect);
    return (rel) => guard(config.stripIndexHtml && rel.endsWith('/') ? rel + config.indexDocument : rel);
}
/** Same bytes re-uploaded for its headers: does the change alter how a client reads them? Unknown: yes. */
function rereads(o, h) {
    if (o?.storedHeaders)
        return (0,plan_headers/* invalidationNeededForHeaderChange */.Iy)(o.storedHeaders, h);
    if (o?.readingHash)
        return o.readingHash !== (0,plan_headers/* readingHash */.v6)(h);
    return true;
}
function classifyAndSync(config, facts, local, evidence) {
    const built = local.filter((f) => f.source === undefined);
    const verdicts = classifyFingerprints({
        files: built.map((f) => f.path),
        manifests: facts.scan?.manifests ?? {},
        userPatterns: config.fingerprintPatterns,
        learned: evidence.learned,
        demoted: evidence.demoted,
    });
    const fingerprint = (p) => verdicts.get(p) ?? removedVerdict(p, evidence, isFingerprintedName);
    const verdictOf = (f) => fingerprint(f.source ?? f.path);
    const rules = (0,plan_headers/* headerRules */.$O)(config.cacheControl, config.headerRules);
    // A site has a handful of distinct header decisions for thousands of files: each is held once.
    const distinct = new Map();
    const intern = (h) => {
        const key = JSON.stringify(h);
        const seen = distinct.get(key);
        if (seen)
            return seen;
        distinct.set(key, h);
        return h;
    };
    const headers = new Map(local.map((f) => {
        const h = rules(f.source ?? f.path, verdictOf(f).fingerprinted);
        return [f.path, intern(f.gzip ? { ...h, contentEncoding: 'gzip' } : h)];
    }));
    const remote = remoteStates(facts.remote, facts.state, facts.headMd5, facts.headHeaders);
    const sync = config.upload
        ? planSync(local, remote, {
            prefix: config.prefix,
            deleteRemoved: config.deleteRemoved,
            isProtected: deleteGuard(config),
            force: config.forceUpload,
            headersHash: (p) => (0,plan_headers/* headersHash */.f3)(headers.get(p)),
            headersDiffer: (p, o) => (0,plan_headers/* headersDiffer */.RK)(o.storedHeaders, headers.get(p)),
        }).map((e) => (e.action === 'upload' && e.sameBytes ? { ...e, rereads: rereads(remote.get(e.key), headers.get(e.path)) } : e))
        : [];
    const byPath = new Map(local.map((f) => [f.path, f]));
    const files = sync.flatMap((entry) => {
        const f = entry.action === 'delete' ? undefined : byPath.get(entry.path);
        if (!f)
            return [];
        const h = headers.get(f.path);
        return [
            {
                key: entry.key,
                path: f.path,
                source: f.source ?? f.path,
                gzip: f.gzip === true,
                size: f.size,
                md5: f.md5,
                headers: h,
                verdict: verdictOf(f),
                entry,
            },
        ];
    });
    return { local, remote, sync, files, fingerprint, evidence };
}
/**
 * Classify, then sync; a name called fingerprinted that the bucket holds with other content is demoted (the
 * proof that it is not content-hashed) and the files are classified again with it, so it is served mutable.
 */
function planFiles(config, facts) {
    const local = deployedFiles(config, facts);
    const evidence = historyEvidence(facts.state, config.prefix, local.filter((f) => f.source === undefined));
    const first = classifyAndSync(config, facts, local, evidence);
    const reused = reusedNames(first.files).filter((f) => f.source === f.path);
    if (reused.length === 0)
        return { ...first, demotions: [] };
    const demoted = new Set([...evidence.demoted, ...reused.map((f) => f.path)]);
    const again = classifyAndSync(config, facts, local, { learned: dropShapes(evidence.learned, [...demoted]), demoted });
    return { ...again, demotions: reused.map((f) => ({ path: f.path, warning: demotionWarning(f, f.verdict) })) };
}

;// CONCATENATED MODULE: ./src/plan/cover/common.ts
/** Constants, flags and small helpers shared by the cover planner's parts (design: ../cover.ts). */
const INF = Number.POSITIVE_INFINITY;
/** Prefix lengths beyond this are not distinguished when ranking specificity (unknown origin). */
const LEN_CAP = 4096;
/** Entry flags. */
const F_EXACT = 1; // a stale path that can be sent exactly
const F_WILD = 2; // a prefix that must be covered by a wildcard (text before the `*` or `~` of a stale path)
const F_EXIST = 4; // an existing (non-stale) path
/** True when `path` is matched by the CloudFront invalidation path `pattern` (exact, or prefix ending in `*`). */
function matchesCloudFrontPath(pattern, path) {
    if (pattern.endsWith('*'))
        return path.startsWith(pattern.slice(0, -1));
    return pattern === path;
}
/** True when `p` is a well-formed decoded CloudFront invalidation path: starts with '/', `*` only as the last character. */
function isValidCloudFrontPath(p) {
    if (!p.startsWith('/'))
        return false;
    const star = p.indexOf('*');
    return star === -1 || star === p.length - 1;
}
/** Specificity of a wildcard prefix (unknown origin): '/' count first, then length. Larger = more specific. */
function wildcardSpecificity(prefix) {
    let slashes = 0;
    for (let i = 0; i < prefix.length; i++)
        if (prefix.charCodeAt(i) === 47)
            slashes++;
    return [slashes, prefix.length];
}
/**
 * Index of the first character that CloudFront cannot take literally in an invalidation path, or -1: `*` (read as
 * a wildcard) or `~` (rejected raw; `%7E` is accepted but clears nothing, aws/aws-sdk-js-v3#4042). A stale path
 * holding one must be covered by a wildcard cut before it, and no wildcard prefix may contain one.
 */
function firstUnsendable(s) {
    const star = s.indexOf('*');
    const tilde = s.indexOf('~');
    return star === -1 ? tilde : tilde === -1 || star < tilde ? star : tilde;
}
function isHighSurrogate(c) {
    return c >= 0xd800 && c <= 0xdbff;
}
function fmt(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function plural(n, word) {
    return `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/plan/cover/table.ts
/** Cover planner, part 2: the DP tables and their (min,+) algebra. */

const EMPTY = new Float64Array(0);
/** A table with columns 0..Wd holding rows lo[w]..hi[w]-1, all INF. */
function newTable(Wd, lo, hi) {
    const t = { Wd, lo: new Array(Wd + 1), hi: new Array(Wd + 1), off: new Array(Wd + 1), a: EMPTY };
    let n = 0;
    for (let w = 0; w <= Wd; w++) {
        const l = lo[w];
        const h = hi[w];
        t.off[w] = n;
        if (h > l) {
            t.lo[w] = l;
            t.hi[w] = h;
            n += h - l;
        }
        else {
            t.lo[w] = 0;
            t.hi[w] = 0;
        }
    }
    t.a = n > 0 ? new Float64Array(n).fill(INF) : EMPTY;
    return t;
}
function emptyTable() {
    return { Wd: 0, lo: [0], hi: [0], off: [0], a: EMPTY };
}
/** Value of row k, column w. */
function at(t, k, w) {
    if (w > t.Wd)
        return INF;
    const l = t.lo[w];
    const h = t.hi[w];
    if (h === l || k < l)
        return INF;
    return t.a[t.off[w] + Math.min(k, h - 1) - l];
}
/**
 * Restore "at most k paths" (a plan with fewer paths also fits a larger row), then drop leading infeasible rows
 * and trailing rows equal to the one before them (in place: only the column bounds move).
 */
function settle(t) {
    const a = t.a;
    for (let w = 0; w <= t.Wd; w++) {
        const o = t.off[w];
        const n = t.hi[w] - t.lo[w];
        if (n === 0)
            continue;
        for (let i = 1; i < n; i++)
            if (a[o + i - 1] < a[o + i])
                a[o + i] = a[o + i - 1];
        let f = 0;
        while (f < n && a[o + f] === INF)
            f++;
        if (f === n) {
            t.lo[w] = 0;
            t.hi[w] = 0;
            continue;
        }
        let e = n;
        while (e > f + 1 && a[o + e - 2] === a[o + e - 1])
            e--;
        t.off[w] = o + f;
        t.lo[w] = t.lo[w] + f;
        t.hi[w] = t.lo[w] + (e - f);
    }
    return t;
}
/** (min,+) merge; out column w = x column p + y column q with p + q = w; at most `rows(w)` rows. */
function merge(x, y, Wd, rows, S) {
    const out = mergeShape(x, y, Wd, rows, S);
    const xa = x.a;
    const ya = y.a;
    const oa = out.a;
    for (let p = 0; p <= x.Wd; p++) {
        const xl = x.lo[p];
        const xh = x.hi[p];
        if (xh === xl)
            continue;
        const xo = x.off[p] - xl; // xa[xo + i] is row i
        for (let q = 0; q <= y.Wd && p + q <= Wd; q++) {
            const w = p + q;
            const ol = out.lo[w];
            const oh = out.hi[w];
            const yl = y.lo[q];
            const yh = y.hi[q];
            if (yh === yl || oh === ol)
                continue;
            const oo = out.off[w] - ol;
            const yo = y.off[q] - yl;
            const imax = Math.min(xh - 1, oh - 1 - yl);
            for (let i = xl; i <= imax; i++) {
                const xv = xa[xo + i];
                const jmax = Math.min(yh - 1, oh - 1 - i);
                const ob = oo + i;
                for (let j = yl; j <= jmax; j++) {
                    const val = xv + ya[yo + j];
                    if (val < oa[ob + j])
                        oa[ob + j] = val;
                }
            }
        }
    }
    return settle(out);
}
/** The (all-INF) output table of merge(x, y): the row ranges the column sums can reach, capped by `rows`. */
function mergeShape(x, y, Wd, rows, S) {
    const lo = S.lo;
    const hi = S.hi;
    for (let w = 0; w <= Wd; w++) {
        lo[w] = 0x3fffffff;
        hi[w] = 0;
    }
    for (let p = 0; p <= x.Wd; p++) {
        if (x.hi[p] === x.lo[p])
            continue;
        for (let q = 0; q <= y.Wd && p + q <= Wd; q++) {
            if (y.hi[q] === y.lo[q])
                continue;
            const w = p + q;
            lo[w] = Math.min(lo[w], x.lo[p] + y.lo[q]);
            hi[w] = Math.max(hi[w], x.hi[p] - 1 + y.hi[q] - 1 + 1);
        }
    }
    for (let w = 0; w <= Wd; w++)
        hi[w] = Math.min(hi[w], rows(w));
    return newTable(Wd, lo, hi);
}
/** (min,+) convolution of two "at most w wildcards" arrays of length W + 1. */
function conv(x, y) {
    const out = new Float64Array(x.length).fill(INF);
    for (let a = 0; a < x.length; a++) {
        const xv = x[a];
        if (xv === INF)
            continue;
        for (let b = 0; a + b < x.length; b++) {
            const val = xv + y[b];
            if (val < out[a + b])
                out[a + b] = val;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plan/cover/trie.ts
/**
 * Cover planner, part 1: the entries (exact stale paths, wildcard-only requirements, existing paths) and the
 * compressed trie over them, built top-down by partitioning on the first differing character.
 */

const ROOT = 0;
/** A node whose only requirement is one exact path: sent exactly (its own wildcard is never better). */
function simple(T, v) {
    return v !== ROOT && T.sUnits[v] === 1 && T.wUnits[v] === 0;
}
/** The children of v holding stale units that are not simple, in list order. */
function complexKids(T, v) {
    const kids = [];
    for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
        if (!simple(T, c))
            kids.push(c);
    return kids;
}
/** Exact stale paths + simple children of v: the paths v's own option B always sends. */
function simpleBase(T, v) {
    let base = T.term[v] & F_EXACT ? 1 : 0;
    for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
        if (simple(T, c))
            base++;
    return base;
}
/** Entries for the stale paths: exact ones, and one wildcard-only requirement per prefix before a '*' or '~'. */
function staleEntries(stale) {
    const E = { keys: [], kflag: [], wildSeen: new Set(), wildCount: new Map(), nStar: 0, nTilde: 0 };
    for (const s of stale) {
        if (typeof s !== 'string' || !s.startsWith('/'))
            throw new TypeError(`cover planner: stale path must start with '/': ${JSON.stringify(s)}`);
        const bad = firstUnsendable(s);
        if (bad === -1) {
            E.keys.push(s);
            E.kflag.push(F_EXACT);
        }
        else if (!E.wildSeen.has(s)) {
            E.wildSeen.add(s);
            if (s.includes('*'))
                E.nStar++;
            if (s.includes('~'))
                E.nTilde++;
            const t = s.slice(0, bad);
            const n = E.wildCount.get(t) ?? 0;
            E.wildCount.set(t, n + 1);
            if (n === 0) {
                E.keys.push(t);
                E.kflag.push(F_WILD);
            }
        }
    }
    return E;
}
/** Add the existing paths (U \ S; exact stale duplicates are merged in the trie). */
function addExisting(E, existing) {
    const nWild = E.wildSeen.size;
    for (const u of existing) {
        if (typeof u !== 'string' || !u.startsWith('/'))
            continue; // never matched by a path starting with '/'
        if (nWild > 0 && E.wildSeen.has(u))
            continue;
        E.keys.push(u);
        E.kflag.push(F_EXIST);
    }
}
/** Build the trie over E's keys and aggregate the counts bottom-up. O(L) time, O(n + L) space. */
function buildTrie(E) {
    const m = E.keys.length;
    const cap = 2 * m + 2;
    const T = {
        keys: E.keys,
        nn: 0,
        depth: new Int32Array(cap),
        parent: new Int32Array(cap),
        rep: new Int32Array(cap),
        term: new Uint8Array(cap),
        sUnits: new Int32Array(cap),
        wUnits: new Int32Array(cap),
        uCnt: new Int32Array(cap),
        stStr: new Int32Array(cap),
        cut: new Int32Array(cap),
        firstChild: new Int32Array(cap).fill(-1),
        nextSib: new Int32Array(cap).fill(-1),
    };
    const S = { idx: new Int32Array(m), tmp: new Int32Array(m), codeCount: new Int32Array(65536), codes: [] };
    for (let i = 0; i < m; i++)
        S.idx[i] = i;
    const tasks = [0, m, 0, -1]; // lo, hi, shared prefix length, parent
    while (tasks.length > 0) {
        const par = tasks.pop();
        const d0 = tasks.pop();
        const hi = tasks.pop();
        let lo = tasks.pop();
        const d = sharedLength(T.keys, S.idx, lo, hi, d0);
        const v = T.nn++;
        T.depth[v] = d;
        T.parent[v] = par;
        lo = takeTerminal(T, E, S.idx, v, lo, hi);
        setCut(T, v, par);
        if (lo < hi)
            partition(T.keys, S, lo, hi, d, v, tasks);
    }
    aggregate(T);
    return T;
}
/** Length of the prefix shared by the keys idx[lo..hi) (all share the first d0 characters). */
function sharedLength(keys, idx, lo, hi, d0) {
    const first = keys[idx[lo]];
    if (hi - lo === 1)
        return first.length;
    let minLen = first.length;
    for (let i = lo + 1; i < hi; i++) {
        const len = keys[idx[i]].length;
        if (len < minLen)
            minLen = len;
    }
    let d = d0;
    ext: while (d < minLen) {
        const c = first.charCodeAt(d);
        for (let i = lo + 1; i < hi; i++)
            if (keys[idx[i]].charCodeAt(d) !== c)
                break ext;
        d++;
    }
    return d;
}
/** Terminal keys of v (length = depth[v], all equal): merge their flags into v, move them to the front. */
function takeTerminal(T, E, idx, v, lo, hi) {
    const { keys, rep } = T;
    const d = T.depth[v];
    rep[v] = idx[lo];
    let f = 0;
    for (let i = lo; i < hi; i++) {
        const k = idx[i];
        if (keys[k].length === d) {
            f |= E.kflag[k];
            rep[v] = k;
            idx[i] = idx[lo];
            idx[lo++] = k;
        }
    }
    if (f & F_EXACT)
        f &= ~F_EXIST; // U \ S
    if (f) {
        T.term[v] = f;
        if (f & (F_EXACT | F_WILD))
            T.sUnits[v] = 1;
        if (f & F_WILD)
            T.wUnits[v] = 1;
        if (f & F_EXIST)
            T.uCnt[v] = 1;
        T.stStr[v] = (f & F_EXACT ? 1 : 0) + (f & F_WILD ? E.wildCount.get(keys[rep[v]]) : 0);
    }
    return lo;
}
/**
 * Deepest valid cut on the edge into v: no '*' or '~' in the prefix, not between surrogate halves. The root's edge
 * starts at the empty string, so its cut can be '/' (every key starts with '/').
 */
function setCut(T, v, par) {
    const str = T.keys[T.rep[v]];
    const pd = par >= 0 ? T.depth[par] : 0;
    let c = T.depth[v];
    const bad = firstUnsendable(str);
    if (bad >= 0 && bad < c)
        c = bad;
    // Never between the halves of a surrogate pair, nor between an escape mark and its byte (src/plan/url-path.ts).
    while (c > pd && (isHighSurrogate(str.charCodeAt(c - 1)) || str.charCodeAt(c - 1) === 1))
        c--;
    T.cut[v] = c > pd ? c : 0;
}
/** Partition idx[lo..hi) by the character at d (counting sort) and queue the child groups of v. */
function partition(keys, S, lo, hi, d, v, tasks) {
    const { idx, tmp, codeCount, codes } = S;
    for (let i = lo; i < hi; i++) {
        const c = keys[idx[i]].charCodeAt(d);
        if (codeCount[c] === 0)
            codes.push(c);
        codeCount[c] = codeCount[c] + 1;
    }
    if (codes.length === 1) {
        codeCount[codes[0]] = 0;
        codes.length = 0;
        tasks.push(lo, hi, d + 1, v);
        return;
    }
    let off = lo;
    for (const c of codes) {
        const n = codeCount[c];
        codeCount[c] = off;
        tasks.push(off, off + n, d + 1, v);
        off += n;
    }
    for (let i = lo; i < hi; i++) {
        const k = idx[i];
        tmp[codeCount[keys[k].charCodeAt(d)]++] = k;
    }
    idx.set(tmp.subarray(lo, hi), lo);
    for (const c of codes)
        codeCount[c] = 0;
    codes.length = 0;
}
/** Aggregate bottom-up (descending ids = post-order) and link the children that hold stale units. */
function aggregate(T) {
    const { parent, sUnits, wUnits, uCnt, stStr, firstChild, nextSib } = T;
    for (let v = T.nn - 1; v > 0; v--) {
        const p = parent[v];
        sUnits[p] = sUnits[p] + sUnits[v];
        wUnits[p] = wUnits[p] + wUnits[v];
        uCnt[p] = uCnt[p] + uCnt[v];
        stStr[p] = stStr[p] + stStr[v];
        if (sUnits[v] > 0) {
            nextSib[v] = firstChild[p];
            firstChild[p] = v;
        }
    }
}

;// CONCATENATED MODULE: ./src/plan/cover/bounds.ts
/**
 * Cover planner, part 3: the exact pruning bounds (what any feasible plan must spend outside a node) and the
 * planner state they feed into the DP.
 */



/** Compute the bounds chosen by `tuning` and assemble the planner state. */
function makePlanner(T, info, tuning) {
    const units = T.sUnits[ROOT];
    const W = info.W;
    const kCapAll = info.budget >= units ? 0 : info.budget;
    const bEff = Math.min(info.budget, units);
    // Every pass only needs plans with <= W wildcards (a pass that ignores W is checked against it afterwards).
    const lb = tuning.prune && kCapAll !== 0 && W > tuning.outsideWildcardLimit
        ? outsideBound(T, W <= tuning.boundWildcardLimit ? W : null)
        : new Float64Array(T.nn);
    let mp = null;
    let out = null;
    if (tuning.prune && kCapAll !== 0 && W <= tuning.outsideWildcardLimit) {
        mp = insidePaths(T, W);
        out = outsidePaths(T, W, kCapAll, mp);
    }
    const dead = new Uint8Array(T.nn);
    if (kCapAll !== 0) {
        for (let v = 0; v < T.nn; v++) {
            const need = out !== null ? (out[v]?.[W] ?? INF) : lb[v];
            if (need >= kCapAll)
                dead[v] = 1;
        }
    }
    const scratch = { lo: new Int32Array(W + 2), hi: new Int32Array(W + 2) };
    return { ...info, T, kCapAll, bEff, lb, mp, out, dead, scratch };
}
const BIG = 1e9;
/** Excess of a child region: the paths beyond one it needs without a wildcard (BIG when it must have one). */
function excess(T, c) {
    return T.wUnits[c] > 0 ? BIG : T.sUnits[c] - 1;
}
/**
 * Lower bound on the paths any feasible plan (<= B paths, <= `wl` wildcards) spends outside v when no ancestor
 * wildcard covers v. The stale regions hanging off v's ancestors (their other children, their own exact paths)
 * each need a path of their own (one path covering two of them would be a wildcard above v), and a region
 * holding e stale units needs all e exact paths unless it gets a wildcard: so the bound is
 *   (number of regions) + Σ (e - 1) over all but the `wl` largest regions.
 * Regions holding a '*' or '~' stale path must get a wildcard. v never needs more than B - bound paths, so tables are
 * capped there, which prunes most of a large tree. `wl` = null: only count the regions (any wildcard limit).
 */
function outsideBound(T, wlIn) {
    const wl = wlIn ?? 0;
    const nn = T.nn;
    const lb = new Float64Array(nn);
    const cntA = new Float64Array(nn);
    const sumA = new Float64Array(nn);
    const tops = new Array(nn);
    tops[ROOT] = [];
    const topC = []; // [value, child] pairs, value descending, at most wl + 1
    for (let p = 0; p < nn; p++) {
        const tp = tops[p];
        if (tp === undefined)
            continue;
        tops[p] = undefined;
        const own = T.term[p] & (F_EXACT | F_WILD) ? 1 : 0;
        const ownWild = (T.term[p] & F_WILD) !== 0; // p itself must be wildcarded, which covers every child
        const [nC, sumC] = childExcesses(T, p, wlIn === null ? -1 : wl, topC);
        for (let c = T.firstChild[p]; c !== -1; c = T.nextSib[c]) {
            if (simple(T, c))
                continue;
            const cnt = cntA[p] + nC - 1 + own;
            const sum = sumA[p] + sumC - excess(T, c);
            const list = largestOutside(tp, topC, c, wl);
            let top = 0;
            for (const x of list)
                top += x;
            lb[c] = ownWild || lb[p] === INF ? INF : wlIn === null ? cnt : cnt + sum - top;
            cntA[c] = cnt;
            sumA[c] = sum;
            tops[c] = list;
        }
    }
    return lb;
}
/**
 * Number and total excess of p's children; fills topC with [excess, child] pairs of the wl + 1 largest positive
 * excesses, descending (left empty when wl < 0).
 */
function childExcesses(T, p, wl, topC) {
    let nC = 0;
    let sumC = 0;
    topC.length = 0;
    for (let c = T.firstChild[p]; c !== -1; c = T.nextSib[c]) {
        nC++;
        const ex = excess(T, c);
        sumC += ex;
        if (wl < 0 || ex <= 0)
            continue;
        if (topC.length >= 2 * (wl + 1) && topC[topC.length - 2] >= ex)
            continue;
        let i = topC.length;
        topC.push(ex, c);
        while (i > 0 && topC[i - 2] < ex) {
            topC[i] = topC[i - 2];
            topC[i + 1] = topC[i - 1];
            i -= 2;
        }
        topC[i] = ex;
        topC[i + 1] = c;
        if (topC.length > 2 * (wl + 1))
            topC.length = 2 * (wl + 1);
    }
    return [nC, sumC];
}
/** The wl largest excesses among the parent's outside list `tp` and the siblings in topC (c excluded). */
function largestOutside(tp, topC, c, wl) {
    const list = [];
    let i = 0;
    let j = 0;
    while (list.length < wl) {
        if (j < topC.length && topC[j + 1] === c)
            j += 2;
        const a = i < tp.length ? tp[i] : -1;
        const b2 = j < topC.length ? topC[j] : -1;
        if (a < 0 && b2 < 0)
            break;
        if (a >= b2) {
            list.push(a);
            i++;
        }
        else {
            list.push(b2);
            j += 2;
        }
    }
    return list;
}
/** mp[v][w] = fewest paths covering v's subtree with <= w wildcards (complex nodes only). O(n·W²). */
function insidePaths(T, W) {
    const mp = new Array(T.nn);
    for (let v = T.nn - 1; v >= 0; v--) {
        if (T.sUnits[v] === 0 || simple(T, v))
            continue;
        const base = simpleBase(T, v);
        let acc = new Float64Array(W + 1).fill(T.term[v] & F_WILD ? INF : base);
        for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
            if (!simple(T, c))
                acc = conv(acc, mp[c]);
        if (T.cut[v] > 0)
            for (let w = 1; w <= W; w++)
                if (acc[w] > 1)
                    acc[w] = 1;
        mp[v] = acc;
    }
    return mp;
}
/**
 * out[v][w] = fewest paths covering everything outside v (no ancestor wildcard) with <= w wildcards: (min,+)
 * over w with prefix/suffix products over the siblings. O(n·W²).
 */
function outsidePaths(T, W, kCapAll, mp) {
    const out = new Array(T.nn);
    out[ROOT] = new Float64Array(W + 1);
    const infArr = new Float64Array(W + 1).fill(INF);
    for (let p = 0; p < T.nn; p++) {
        const op = out[p];
        if (op === undefined || op[W] >= kCapAll)
            continue; // p cannot stay uncovered: neither can its children
        const kids = complexKids(T, p);
        if (kids.length === 0)
            continue;
        if (T.term[p] & F_WILD) {
            for (const c of kids)
                out[c] = infArr; // p itself needs a wildcard, which covers every child
            continue;
        }
        const add = simpleBase(T, p);
        const pre = [op.map((x) => x + add)];
        for (let i = 0; i < kids.length; i++)
            pre.push(conv(pre[i], mp[kids[i]]));
        let suf = new Float64Array(W + 1); // identity for "at most" arrays
        for (let i = kids.length - 1; i >= 0; i--) {
            out[kids[i]] = conv(pre[i], suf);
            suf = conv(suf, mp[kids[i]]);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plan/cover/dp.ts



/** Run the DP over every complex node holding stale units, children before parents. */
function runDP(C, P) {
    const { T } = C;
    const nn = T.nn;
    const tables = new Array(P.keep ? nn : 0);
    const work = new Array(nn);
    const cand = new Int32Array(nn);
    let rootT;
    for (let v = nn - 1; v >= 0; v--) {
        if (T.sUnits[v] === 0 || simple(T, v))
            continue;
        const t = nodeTable(C, v, P, work, cand);
        if (P.keep)
            tables[v] = t;
        work[v] = t;
        // children tables are no longer needed for the forward pass
        if (!P.keep)
            for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
                work[c] = undefined;
        if (v === ROOT)
            rootT = t;
    }
    return { tables, root: rootT, cand };
}
/** Best entry of the root table: last row (at most kCap paths) of the cheapest column. */
function bestAtRoot(R) {
    const t = R.root;
    let best = { k: 0, w: 0, val: INF };
    for (let w = 0; w <= t.Wd; w++) {
        const h = t.hi[w];
        if (h === t.lo[w])
            continue;
        const val = at(t, h - 1, w);
        if (val < best.val)
            best = { k: h - 1, w, val };
    }
    return best;
}
/** Rows kept for a partial table holding sAcc stale units when `need` paths must be spent elsewhere. */
function rowsFor(P, sAcc, need) {
    return P.kCap === 0 ? 1 : Math.min(sAcc, P.kCap - need) + 1;
}
/**
 * Paths that must be spent outside the part of v merged so far (t of its complex children), for a plan using
 * w wildcards inside it: with the "outside" arrays, the least paths the rest of the tree (and the children not
 * merged yet) needs with the W - w wildcards left; otherwise the scalar bound plus one path per child left.
 */
function needFor(C, v, kids, P) {
    const m = kids.length;
    const W = C.W;
    if (P.kCap === 0)
        return () => 0;
    if (C.out !== null && C.mp !== null) {
        const ov = C.out[v];
        if (ov === undefined || C.dead[v])
            return () => INF;
        const op = new Array(m + 1);
        op[m] = ov;
        for (let t = m - 1; t >= 0; t--)
            op[t] = conv(op[t + 1], C.mp[kids[t]]);
        return (t, w) => op[t][P.track ? W - w : W];
    }
    const l = C.lb[v];
    return (t) => l + (m - t);
}
/** Base table for option B before merging complex children: own exact path + simple children. */
function baseTable(C, v, P, need0) {
    const term = C.T.term[v];
    const blocked = (term & F_WILD) !== 0;
    const base = simpleBase(C.T, v);
    const sAcc = base + (blocked && !(term & F_EXACT) ? 1 : 0); // stale units of v itself + simple children
    const rows = rowsFor(P, sAcc, need0);
    let t;
    if (blocked)
        t = emptyTable();
    else if (P.kCap === 0) {
        t = newTable(0, [0], [rows]);
        if (rows > 0)
            t.a[0] = base * P.exactCost;
    }
    else {
        t = newTable(0, [base], [Math.min(rows, base + 1)]);
        if (t.hi[0] > t.lo[0])
            t.a[0] = base * P.exactCost;
    }
    return { t, sAcc };
}
/** Option-B chain for v: [base, after complex child 1, ...] (or just the last table), children in list order. */
function chainFor(C, v, P, tabs, cand, all) {
    const kids = complexKids(C.T, v);
    const need = needFor(C, v, kids, P);
    const b = baseTable(C, v, P, need(0, 0));
    let acc = b.t;
    let sAcc = b.sAcc;
    let wAcc = 0;
    const chain = all ? [acc] : [];
    for (let i = 0; i < kids.length; i++) {
        const c = kids[i];
        sAcc += C.T.sUnits[c];
        wAcc += cand[c];
        const s = sAcc;
        acc = merge(acc, tabs[c], P.track ? Math.min(C.W, wAcc) : 0, (w) => rowsFor(P, s, need(i + 1, w)), C.scratch);
        if (all)
            chain.push(acc);
    }
    if (!all)
        chain.push(acc);
    return { chain, kids, need };
}
/** F(v, ·): option B (the chain), then v's own wildcard (1 path, 1 wildcard) where it is cheaper. */
function nodeTable(C, v, P, work, cand) {
    const { T, W } = C;
    const wc = P.wildCost[v];
    let cc = wc !== INF ? 1 : 0;
    for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c])
        if (!simple(T, c))
            cc += cand[c];
    cand[v] = cc;
    if (P.kCap !== 0 && C.dead[v])
        return emptyTable();
    const { chain, kids, need } = chainFor(C, v, P, work, cand, false);
    const last = chain[chain.length - 1];
    if (wc === INF)
        return last;
    // add v's own wildcard (1 path, 1 wildcard): column 1 (column 0 when wildcards are not tracked), rows >= 1
    const Wd = P.track ? Math.min(W, cc) : 0;
    const wA = P.track ? 1 : 0;
    const kA = P.kCap === 0 ? 0 : 1;
    const capA = rowsFor(P, T.sUnits[v], need(kids.length, wA));
    if (capA <= kA)
        return last; // no room for even one path here in a feasible plan
    const lo = new Array(Wd + 1);
    const hi = new Array(Wd + 1);
    for (let w = 0; w <= Wd; w++) {
        const has = w <= last.Wd && last.hi[w] > last.lo[w];
        lo[w] = has ? last.lo[w] : 0;
        hi[w] = has ? last.hi[w] : 0;
    }
    lo[wA] = hi[wA] > lo[wA] ? Math.min(lo[wA], kA) : kA;
    hi[wA] = Math.min(capA, Math.max(hi[wA], kA + 1));
    const t = newTable(Wd, lo, hi);
    for (let w = 0; w <= Wd; w++)
        for (let k = t.lo[w]; k < t.hi[w]; k++)
            t.a[t.off[w] + k - t.lo[w]] = at(last, k, w);
    const o = t.off[wA] - t.lo[wA];
    for (let k = Math.max(kA, t.lo[wA]); k < t.hi[wA]; k++)
        if (wc < t.a[o + k])
            t.a[o + k] = wc;
    return settle(t);
}

;// CONCATENATED MODULE: ./src/plan/cover/rebuild.ts




function rebuild(C, P, R) {
    const { T } = C;
    const sol = { wild: [], exact: [] };
    const b = bestAtRoot(R);
    if (b.val === INF)
        throw new Error('cover planner: internal error (no feasible plan)');
    const todo = [ROOT, b.k, b.w, b.val];
    while (todo.length > 0) {
        const val = todo.pop();
        const w = todo.pop();
        let k = todo.pop();
        const v = todo.pop();
        const t = R.tables[v];
        while (k > 0 && at(t, k - 1, w) === val)
            k--;
        const wc = P.wildCost[v];
        if (wc !== INF && val === wc && (!P.track || w === 1) && (P.kCap === 0 || k >= 1)) {
            sol.wild.push(v);
            continue;
        }
        if (T.term[v] & F_EXACT && !(T.term[v] & F_WILD))
            sol.exact.push(v);
        for (let c = T.firstChild[v]; c !== -1; c = T.nextSib[c]) {
            if (!simple(T, c))
                continue;
            let e = c; // the one exact stale path under a simple child may lie deeper (below existing-only nodes)
            while (!(T.term[e] & F_EXACT))
                e = T.firstChild[e];
            sol.exact.push(e);
        }
        splitChain(C, P, R, v, k, w, val, todo);
    }
    return sol;
}
/**
 * Walk v's merge chain backwards from (k, w, val), finding for each complex child the entry (j, q) it
 * contributed; queue [child, j, q, value] on `todo`.
 */
function splitChain(C, P, R, v, k, w, val, todo) {
    const { chain, kids } = chainFor(C, v, P, R.tables, R.cand, true);
    let cur = chain[chain.length - 1];
    let ck = k;
    let cw = w;
    let cv = val;
    if (at(cur, ck, cw) !== cv)
        throw new Error('cover planner: internal error (rebuild mismatch)');
    for (let i = kids.length - 1; i >= 0; i--) {
        while (ck > 0 && at(cur, ck - 1, cw) === cv)
            ck--;
        const prev = chain[i];
        const c = kids[i];
        const s = findSplit(prev, R.tables[c], ck, cw, cv);
        if (s === null)
            throw new Error('cover planner: internal error (no split found)');
        todo.push(c, s.j, s.q, s.cv);
        cur = prev;
        ck -= s.j;
        cw -= s.q;
        cv = s.pv;
    }
}
/** First (q, j) with prev(ck - j, cw - q) + ct(j, q) = cv, scanning q then j upwards. */
function findSplit(prev, ct, ck, cw, cv) {
    for (let q = 0; q <= Math.min(ct.Wd, cw); q++) {
        const p = cw - q;
        if (p > prev.Wd)
            continue;
        if (ct.hi[q] === ct.lo[q])
            continue;
        for (let j = ct.lo[q]; j <= Math.min(ct.hi[q] - 1, ck); j++) {
            const cvj = at(ct, j, q);
            if (cvj === INF)
                continue;
            const pv = at(prev, ck - j, p);
            if (pv + cvj === cv)
                return { j, q, cv: cvj, pv };
        }
    }
    return null;
}

;// CONCATENATED MODULE: ./src/plan/cover/result.ts

/** "2 containing '*', 1 containing '~'": the stale paths that cannot be sent exactly ('' when none). */
function unsendable(s) {
    const parts = [];
    if (s.nStar)
        parts.push(`${fmt(s.nStar)} containing '*'`);
    if (s.nTilde)
        parts.push(`${fmt(s.nTilde)} containing '~'`);
    return parts.join(', ');
}
function wTxt(s) {
    return s.W < s.budget ? `, max ${plural(s.W, 'wildcard')}` : '';
}
/** Every stale path sent exactly (they fit the budget and none needs a wildcard). */
function exactResult(list, budget, known) {
    const paths = list.sort().map((p) => ({ path: p, wildcard: false, covers: 1, collateral: 0 }));
    return {
        paths,
        collateral: known ? 0 : null,
        fellBackToAll: false,
        reason: `${plural(paths.length, 'stale path')} fit the budget of ${fmt(budget)}: sent exactly`,
    };
}
/** W = 0: only exact paths allowed, but they cannot cover S within the budget (or a stale path needs a wildcard). */
function nothingFits(s) {
    const coll = s.known ? s.nU : null;
    return {
        paths: [{ path: '/*', wildcard: true, covers: s.nS, collateral: coll }],
        collateral: coll,
        fellBackToAll: true,
        reason: `nothing fits: ${plural(s.nS, 'stale path')}${unsendable(s) ? ` (${unsendable(s)})` : ''}, budget ${fmt(s.budget)}, 0 wildcards allowed; fell back to /*`,
    };
}
/** The result for a solution of the DP. */
function finish(T, s, sol) {
    const { known, budget } = s;
    const paths = [];
    let coll = 0;
    for (const v of sol.wild) {
        coll += T.uCnt[v];
        const path = T.keys[T.rep[v]].slice(0, T.cut[v]) + '*';
        paths.push({ path, wildcard: true, covers: T.stStr[v], collateral: known ? T.uCnt[v] : null });
    }
    for (const v of sol.exact)
        paths.push({ path: T.keys[T.rep[v]], wildcard: false, covers: 1, collateral: 0 });
    paths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const collateral = known ? coll : null;
    const nw = sol.wild.length;
    const ne = sol.exact.length;
    const fellBackToAll = paths.length === 1 && paths[0].path === '/*';
    const collTxt = known ? `collateral ${plural(coll, 'object')}` : 'collateral unknown (existing objects not listed)';
    let reason;
    if (fellBackToAll) {
        reason =
            known && coll === 0
                ? `/* evicts nothing else: ${plural(s.nS, 'stale path')}, budget ${fmt(budget)}${wTxt(s)}; collateral 0 objects`
                : `only /* fits: no narrower cover of ${plural(s.nS, 'stale path')} within budget ${fmt(budget)}${wTxt(s)}; ${collTxt}`;
    }
    else {
        const head = s.nS > budget
            ? `${plural(s.nS, 'stale path')} over budget ${fmt(budget)}${wTxt(s)}`
            : `${plural(s.nS, 'stale path')} within budget ${fmt(budget)}${wTxt(s)}, ${unsendable(s)} (needs a wildcard)`;
        const broadest = !known && nw > 0 ? `; broadest wildcard ${broadestOf(paths)}` : '';
        reason = `${head}: ${fmt(ne)} exact + ${plural(nw, 'wildcard')}, ${collTxt}${broadest}`;
    }
    return { paths, collateral, fellBackToAll, reason };
}
function broadestOf(paths) {
    let best = null;
    let bs = [Infinity, Infinity];
    for (const p of paths) {
        if (!p.wildcard)
            continue;
        const s = wildcardSpecificity(p.path.slice(0, -1));
        if (s[0] < bs[0] || (s[0] === bs[0] && s[1] < bs[1])) {
            bs = s;
            best = p.path;
        }
    }
    return best ?? '';
}

;// CONCATENATED MODULE: ./src/plan/cover/objectives.ts





const SAFE = Number.MAX_SAFE_INTEGER;
/**
 * Known origin: minimise (collateral, paths, wildcards), cost = collateral·M1 + paths·M2 + wildcards (wildcards
 * dropped if the packing would not be exact). If the optimum uses more than W wildcards, rerun tracking them.
 */
function planKnown(C) {
    const { T, bEff, nU, W } = C;
    let M2 = bEff + 1;
    let M1 = M2 * (bEff + 1);
    let wUnit = 1;
    if ((nU + 1) * M1 > SAFE) {
        M2 = 1;
        M1 = bEff + 1;
        wUnit = 0;
    }
    if ((nU + 1) * M1 > SAFE)
        throw new RangeError('cover planner: inputs too large to plan exactly');
    const wildCost = new Float64Array(T.nn).fill(INF);
    for (let v = 0; v < T.nn; v++)
        if (T.cut[v] > 0 && T.sUnits[v] > 0)
            wildCost[v] = T.uCnt[v] * M1 + M2 + wUnit;
    let P = { wildCost, exactCost: M2, kCap: C.kCapAll, track: false, keep: true };
    let sol = rebuild(C, P, runDP(C, P));
    if (sol.wild.length > W) {
        P = { wildCost, exactCost: M2, kCap: C.kCapAll, track: true, keep: true };
        sol = rebuild(C, P, runDP(C, P));
    }
    return finish(T, C, sol);
}
/**
 * Unknown origin: 1) the highest feasible floor on wildcard specificity, 2) among covers respecting it: fewest
 * wildcards, then longest prefixes, then fewest paths.
 */
function planUnknown(C) {
    const { T, bEff } = C;
    const { spec, lcap } = specificities(C);
    const floorSpec = highestFloor(C, spec);
    const M2 = bEff + 1;
    let penW = M2;
    let M1 = (bEff * lcap + 1) * M2;
    if ((bEff + 1) * M1 > SAFE) {
        penW = 0;
        M1 = M2;
    }
    if ((bEff + 1) * M1 > SAFE)
        throw new RangeError('cover planner: inputs too large to plan exactly');
    const wildCost = new Float64Array(T.nn).fill(INF);
    for (let v = 0; v < T.nn; v++) {
        if (spec[v] < 0 || spec[v] < floorSpec)
            continue;
        wildCost[v] = M1 + (lcap + 1 - Math.min(T.cut[v], lcap)) * penW + 1;
    }
    const P = { wildCost, exactCost: 1, kCap: C.kCapAll, track: false, keep: true };
    const sol = rebuild(C, P, runDP(C, P));
    if (sol.wild.length > C.W)
        throw new Error('cover planner: internal error (wildcard limit after feasibility)');
    return finish(T, C, sol);
}
/** Specificity rank of each candidate wildcard node (-1 = none): '/' count, then length capped at lcap. */
function specificities(C) {
    const { T } = C;
    const isCand = (v) => T.cut[v] > 0 && T.sUnits[v] > 0 && !simple(T, v);
    let maxCut = 1;
    for (let v = 0; v < T.nn; v++)
        if (isCand(v))
            maxCut = Math.max(maxCut, T.cut[v]);
    const lcap = Math.min(LEN_CAP, maxCut);
    const spec = new Float64Array(T.nn).fill(-1);
    for (let v = 0; v < T.nn; v++) {
        if (!isCand(v))
            continue;
        const [sl, len] = wildcardSpecificity(T.keys[T.rep[v]].slice(0, T.cut[v]));
        spec[v] = sl * (lcap + 1) + Math.min(len, lcap);
    }
    return { spec, lcap };
}
/**
 * Binary search over the candidate specificities with a cheap feasibility DP (fewest paths using only wildcards
 * at least that specific, within W): the highest floor a cover within the budget can respect.
 */
function highestFloor(C, spec) {
    const specs = [];
    for (const s of spec)
        if (s >= 0)
            specs.push(s);
    const distinct = [...new Set(specs)].sort((a, b) => a - b);
    const feasibleAt = (floor) => {
        const wc = new Float64Array(C.T.nn).fill(INF);
        for (let v = 0; v < C.T.nn; v++)
            if (spec[v] >= floor)
                wc[v] = 1;
        // with W >= B every cover of <= B paths respects W, so wildcards need not be tracked
        const Q = { wildCost: wc, exactCost: 1, kCap: 0, track: C.W < C.budget, keep: false };
        return bestAtRoot(runDP(C, Q)).val <= C.budget;
    };
    let lo = 0;
    let hi = distinct.length - 1;
    // distinct[0] is always feasible: the shallowest candidate is the root's child (covers everything).
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (feasibleAt(distinct[mid]))
            lo = mid;
        else
            hi = mid - 1;
    }
    return distinct[lo] ?? -1;
}

;// CONCATENATED MODULE: ./src/plan/cover.ts






const DEFAULT_TUNING = { boundWildcardLimit: 32, outsideWildcardLimit: 24, prune: true };
/** Plan one CloudFront invalidation: at most `budget` paths covering every stale path, least collateral first. */
function planCover(input) {
    return planCoverTuned(input, DEFAULT_TUNING);
}
/** planCover with internal knobs (tests use it to exercise every code path on small inputs). */
function planCoverTuned(input, tuning) {
    const budget = Math.floor(input.budget);
    if (!(budget >= 1))
        throw new RangeError(`cover planner: budget must be >= 1 (got ${input.budget})`);
    const maxW = input.maxWildcards === undefined ? budget : Math.floor(input.maxWildcards);
    if (!(maxW >= 0))
        throw new RangeError(`cover planner: maxWildcards must be >= 0 (got ${String(input.maxWildcards)})`);
    const W = Math.min(maxW, budget);
    const known = input.existing !== null;
    const E = staleEntries(input.stale);
    const nWild = E.wildSeen.size; // stale paths that cannot be sent exactly
    if (E.keys.length === 0)
        return { paths: [], collateral: known ? 0 : null, fellBackToAll: false, reason: 'nothing is stale' };
    if (nWild === 0 && E.keys.length <= budget)
        return exactResult([...new Set(E.keys)], budget, known);
    if (input.existing !== null)
        addExisting(E, input.existing);
    const T = buildTrie(E);
    const nS = T.stStr[ROOT];
    if (nWild === 0 && nS <= budget) {
        const list = [];
        for (let v = 0; v < T.nn; v++)
            if (T.term[v] & F_EXACT)
                list.push(T.keys[T.rep[v]]);
        return exactResult(list, budget, known);
    }
    const info = { budget, W, known, nS, nU: T.uCnt[ROOT], nStar: E.nStar, nTilde: E.nTilde };
    if (W === 0)
        return nothingFits(info);
    const C = makePlanner(T, info, tuning);
    return known ? planKnown(C) : planUnknown(C);
}

;// CONCATENATED MODULE: ./src/plan/stale.ts

function staleFor(input) {
    const { distribution: d } = input;
    // Stale paths and the existing (collateral) paths must use the same URL forms.
    const formOpts = { urlStyle: input.urlStyle, indexDocument: input.indexDocument };
    const forms = (urlPath) => urlForms(urlPath, input.withoutSlash, formOpts);
    const byPath = new Map();
    const add = (urlPath, reason, source) => {
        for (const plain of forms(urlPath)) {
            const variants = input.queryStrings && !plain.endsWith('*') && !plain.includes(QUERY_MARK) ? [plain, plain + QUERY_MARK + '*'] : [plain];
            for (const form of variants) {
                if (!byPath.has(form))
                    byPath.set(form, source === undefined ? { path: form, reason } : { path: form, reason, source });
            }
        }
    };
    const fingerprintViolations = [];
    const skippedFingerprinted = [];
    // `none`: nothing of this run; what earlier runs owe (a crash, a deferred shard) is still paid.
    const ofThisRun = input.invalidate !== 'none';
    if (input.invalidate === 'all') {
        return { stale: [{ path: '/*', reason: 'all' }], existing: null, fingerprintViolations, skippedFingerprinted };
    }
    for (const e of ofThisRun ? input.sync : []) {
        const url = urlPathForKey(e.key, d.originPath);
        if (url === null)
            continue;
        if (e.action === 'upload' && e.overwrites && e.sameBytes) {
            // Same bytes, new headers: stale only when the change alters how a client reads them, fingerprinted or not.
            if (e.rereads)
                add(url, 'overwritten', e.key);
        }
        else if (e.action === 'upload' && e.overwrites) {
            // A fingerprinted name whose content changed is still stale: correctness beats the naming promise.
            if (input.fingerprint(e.path).fingerprinted)
                fingerprintViolations.push(e.path);
            add(url, 'overwritten', e.key);
        }
        else if (e.action === 'delete') {
            if (input.fingerprint(e.path).fingerprinted) {
                skippedFingerprinted.push(e.path);
                continue;
            }
            add(url, 'deleted', e.key);
        }
    }
    // The default rule maps source-dir to the keys under `prefix`, served at prefix minus the origin path.
    const keyRoot = urlPathForKey(input.prefix, d.originPath);
    const rules = input.pathMap.flatMap((r) => (!r.viaKey ? [r] : keyRoot === null ? [] : [{ from: r.from, to: keyRoot }]));
    for (const f of ofThisRun ? (input.diff ?? []) : []) {
        const consider = (repoPath, reason) => {
            const url = mapRepoPath(repoPath, rules);
            if (url === null)
                return;
            if (input.fingerprint(url.slice(1)).fingerprinted) {
                skippedFingerprinted.push(repoPath);
                return;
            }
            add(url, reason, repoPath);
        };
        if (f.status === 'modified')
            consider(f.path, 'diff-modified');
        else if (f.status === 'deleted')
            consider(f.path, 'diff-deleted');
        else if (f.status === 'renamed' && f.previousPath)
            consider(f.previousPath, 'diff-renamed-from');
    }
    for (const p of ofThisRun ? input.manual : [])
        add(p, 'manual');
    for (const p of input.owed)
        add(p, 'owed');
    let existing = null;
    if (input.originKnown) {
        // A set: `docs/index.html` and its strip-index-html copy `docs/` share the URL `/docs/`.
        const seen = new Set();
        const keys = [...input.sync.filter((e) => e.action !== 'delete').map((e) => e.key), ...input.otherKeys];
        for (const key of keys) {
            const url = urlPathForKey(key, d.originPath);
            if (url === null)
                continue;
            // Not collateral: the stale URL itself.
            for (const form of forms(url))
                if (!byPath.has(form))
                    seen.add(form);
        }
        existing = [...seen];
    }
    return { stale: [...byPath.values()], existing, fingerprintViolations, skippedFingerprinted };
}
/**
 * The bucket listing only covers `prefix`; URL paths outside it are unknown. When every stale path lies under
 * the prefix's URL directory, plan relative to that directory (so no wildcard can reach above it); otherwise
 * the origin is treated as unknown. Returns the URL directory to re-root under, or null.
 */
function coverRoot(stale, prefix, originPath) {
    // The listing covers `prefix`; when that contains the whole origin path, everything served is known.
    const rootKey = originPath.startsWith(prefix) ? '' : prefix.startsWith(originPath) ? prefix.slice(originPath.length) : null;
    if (rootKey === null)
        return null;
    const root = '/' + rootKey;
    return stale.every((p) => p.startsWith(root)) ? root : null;
}

;// CONCATENATED MODULE: ./src/plan/invalidation.ts
// From stale URL paths to the one batch sent to a distribution. Pure.





function planInvalidation(opts) {
    const { staleResult: s, distributionId } = opts;
    const base = { distributionId, stale: s.stale };
    const none = { zeroCollateralBudget: null };
    if (s.stale.length === 0)
        return { ...base, ...none, decoded: [], paths: [], wildcards: 0, cover: null, reason: 'nothing is stale' };
    if (s.stale.some((p) => p.path === '/*')) {
        return {
            ...base,
            ...none,
            decoded: ['/*'],
            paths: ['/*'],
            wildcards: 1,
            cover: null,
            reason: '/* requested (invalidate: all or a manual /*)',
        };
    }
    const stale = s.stale.map((p) => p.path);
    // Plan relative to the part of the origin the listing covers; elsewhere anything may exist.
    const root = s.existing === null ? null : coverRoot(stale, opts.prefix, opts.originPath);
    const cut = root === null ? 0 : root.length - 1;
    const rel = (p) => p.slice(cut);
    const existing = root === null || s.existing === null ? null : s.existing.filter((p) => p.startsWith(root)).map(rel);
    const input = {
        stale: stale.map(rel),
        existing,
        budget: opts.budget,
        ...(opts.maxWildcards !== undefined ? { maxWildcards: opts.maxWildcards } : {}),
    };
    const cover = planCover(input);
    const decoded = cover.paths.map((p) => (root === null ? p.path : root.slice(0, cut) + p.path));
    return {
        ...base,
        decoded,
        paths: decoded.map(encodeCloudFrontPath),
        wildcards: cover.paths.filter((p) => p.wildcard).length,
        cover,
        reason: cover.reason,
        zeroCollateralBudget: cover.collateral ? smallestCleanBudget(input, opts.budget) : null,
    };
}
/** Binary search for the least budget (up to CloudFront's 3,000 per batch) whose optimal cover has no collateral. */
function smallestCleanBudget(input, from) {
    let lo = from + 1;
    let hi = Math.min(MAX_PATHS_PER_BATCH, new Set(input.stale).size);
    if (hi < lo || planCover({ ...input, budget: hi }).collateral !== 0)
        return null;
    while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (planCover({ ...input, budget: mid }).collateral === 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
/**
 * CallerReference: the same run attempt retrying the same batch gets the same invalidation back from
 * CloudFront; any other deploy (other run, attempt, distribution or paths) gets a distinct reference.
 */
function callerReference(repository, runId, runAttempt, distributionId, paths) {
    // JSON keeps the parts unambiguous whatever characters they hold.
    const digest = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([repository, runId, runAttempt, distributionId, [...paths].sort()]))
        .digest('hex');
    return `s3cfd-${runId}-${runAttempt}-${digest.slice(0, 32)}`;
}

;// CONCATENATED MODULE: ./src/plan/deploy.ts











const LARGE_FILE = 100 * 1024 * 1024;
/** Stale URL paths per distribution (before the cover). Also tells the facts stage whose in-flight usage to read. */
function staleByDistribution(config, facts, files = planFiles(config, facts)) {
    const { manual: given } = missingDiffFallback(config, facts.diff);
    const manual = (d) => [...given, ...removedPrefixPaths(config, d)];
    const otherKeys = collateralKeys(facts.remote, files.sync);
    const out = new Map();
    for (const d of config.distributions) {
        out.set(d.id, staleFor({
            distribution: d,
            prefix: config.prefix,
            invalidate: config.invalidate,
            withoutSlash: config.invalidateDirectoryWithoutSlash,
            urlStyle: config.urlStyle,
            indexDocument: config.indexDocument,
            queryStrings: config.queryStrings,
            sync: files.sync,
            otherKeys,
            // The listing is the origin in upload mode, and for a job without uploads whose bucket holds the site
            // (the consolidating job of a sharded deploy); a bucket holding only records says nothing of the origin.
            originKnown: config.upload || facts.remote.length > 0,
            fingerprint: files.fingerprint,
            diff: facts.diff.files,
            pathMap: config.pathMap,
            manual: manual(d),
            owed: facts.owed.filter((r) => r.distributionId === d.id).flatMap((r) => r.paths),
        }));
    }
    return out;
}
function invalidationFor(config, facts, d, stale) {
    const { budget, maxWildcards } = inFlightBudget(config.maxPaths, facts.usage[d.id] ?? null);
    return planInvalidation({
        distributionId: d.id,
        staleResult: stale,
        prefix: config.prefix,
        originPath: d.originPath,
        budget,
        maxWildcards,
    });
}
function invalidationWarnings(config, stale, plans) {
    const out = [];
    for (const s of stale.values()) {
        for (const p of s.fingerprintViolations) {
            out.push(`${p} has a fingerprinted name but its content changed: invalidating it anyway (check your bundler's hashing)`);
        }
    }
    for (const p of plans) {
        if (p.cover?.fellBackToAll && p.stale.length > 1) {
            const fix = p.zeroCollateralBudget !== null ? ` max-paths: ${p.zeroCollateralBudget} would evict nothing needlessly.` : '';
            out.push(`${p.distributionId}: the cheapest cover within max-paths (${config.maxPaths}) is /*, which evicts every cached object.${fix}`);
        }
    }
    return out;
}
/** Notices for what a reviewer should not miss (logged as annotations, not part of the report's warnings). */
function annotations(config, facts, sync) {
    const out = [];
    const warning = deleteWarning(sync.filter((e) => e.action === 'delete').length, config.maxDeletes);
    if (warning)
        out.push({ level: 'warning', message: warning });
    const hidden = (facts.scan?.skipped ?? []).filter((s) => s.reason === 'dotfile').map((s) => s.path);
    if (hidden.length > 0) {
        const shown = `${hidden.slice(0, 5).join(', ')}${hidden.length > 5 ? ', ...' : ''}`;
        out.push({
            level: 'notice',
            message: `Not uploaded: ${hidden.length} hidden file(s) or folder(s) (${shown}). Name them in include to publish them.`,
        });
    }
    for (const e of sync.filter((e) => e.action === 'upload' && e.size > LARGE_FILE).slice(0, 5)) {
        out.push({ level: 'notice', message: `Large file: ${e.path} (${(e.size / 1048576).toFixed(1)} MiB), uploaded in parts` });
    }
    return out;
}
function verdictsOf(files, facts) {
    const paths = [...files.sync.map((e) => e.path), ...(facts.diff.files ?? []).map((f) => f.path)];
    return new Map(paths.map((p) => [p, files.fingerprint(p)]));
}
function removalsOf(config, facts, files) {
    const listed = new Set(facts.remote.map((o) => o.key));
    const previous = livePending(facts.state?.pending, listed);
    const deletes = files.sync.filter((e) => e.action === 'delete');
    return planRemovals(deletes, (p) => files.fingerprint(p).fingerprinted, previous, facts.now, config.keepRemovedMs);
}
function guardOf(config, facts) {
    const { order, note, forcePushOverLive } = facts.commitOrder;
    return commitGuard({
        order,
        ...(note ? { note } : {}),
        ours: facts.run.headSha,
        live: facts.state?.deploys?.[0]?.sha ?? null,
        allowOlder: config.allowOlder,
        forcePushOverLive: forcePushOverLive === true,
    });
}
function refusalOf(config, sync, guard) {
    return checkDeleteCap(sync, config.maxDeletes) ?? (guard.verdict === 'refuse' ? guard.message : null);
}
/** remove-prefix: the whole prefix's URLs, as one wildcard per distribution that serves it. */
function removedPrefixPaths(config, d) {
    if (!config.removePrefix)
        return [];
    const url = urlPathForKey(config.prefix, d.originPath);
    if (url === null)
        return [];
    // Every URL form a deploy of the prefix invalidates: everything below it, and the directory without its slash
    // where deploys invalidate that form (`/previews/pr-12/*` does not match `/previews/pr-12`).
    const slashless = url !== '/' && (config.invalidateDirectoryWithoutSlash || config.urlStyle === 'clean');
    return [`${url}*`, ...(slashless ? [url.slice(0, -1)] : [])];
}
/** remove-prefix: every site object under the prefix (protect globs still hold), deleted before the invalidation. */
function prefixRemoval(config, facts) {
    const guard = makeDeleteGuard(makeFileFilter([], []), config.protect);
    return facts.remote
        .filter((o) => !guard(o.key.slice(config.prefix.length)))
        .map((o) => ({ key: o.key, path: o.key.slice(config.prefix.length), action: 'delete', reason: 'prefix-removed', size: o.size }));
}
/** A ledger still in an old folder (the guessable legacy name) is moved on this run, even when nothing else changes. */
function migrating(facts) {
    return facts.records.oldDirs.some((dir) => facts.ownKeys.includes(stateKeyIn(dir)));
}
function planDeploy(config, facts) {
    const files = planFiles(config, facts);
    const stale = staleByDistribution(config, facts, files);
    const invalidations = config.distributions.map((d) => invalidationFor(config, facts, d, stale.get(d.id)));
    const fallback = missingDiffFallback(config, facts.diff);
    const removals = removalsOf(config, facts, files);
    const waitingKeys = new Set(removals.waiting.map((e) => e.key));
    const sync = config.removePrefix ? prefixRemoval(config, facts) : files.sync.filter((e) => !waitingKeys.has(e.key));
    // remove-prefix: the action's records for the prefix go too, after the invalidation (never a lock: it is released).
    const locks = new Set([lockKeyIn(facts.records.dir), bootstrapLockKey(config.prefix, config.statePrefix)]);
    const records = config.removePrefix ? facts.ownKeys.filter((k) => !locks.has(k)) : [];
    const writes = sync.some((e) => e.action === 'upload' || e.action === 'delete');
    const guard = guardOf(config, facts);
    const ledger = {
        demoted: [...files.evidence.demoted],
        shapes: files.evidence.learned,
        pending: removals.pending,
        // The commit built (workflow_run.head_sha, the pull request's head), not GITHUB_SHA.
        deploy: writes ? { sha: facts.run.headSha, runId: facts.run.runId, time: new Date(facts.now).toISOString() } : null,
    };
    return {
        files: files.files,
        sync,
        uploadWaves: uploadWaves(files.files, (0,plan_headers/* entryDocumentMatcher */.m4)(config.entryDocuments)),
        deletes: config.removePrefix ? sync.map((e) => e.key) : removals.now.map((e) => e.key),
        lateDeletes: [...removals.due.map((e) => e.key), ...records],
        waiting: removals.waiting,
        invalidations,
        refusal: refusalOf(config, sync, guard),
        commitGuard: guard,
        writeState: config.upload && (writes || facts.state === null || ledgerKnowledgeChanged(facts.state, ledger) || migrating(facts)),
        ledger,
        remote: files.remote,
        verdicts: verdictsOf(files, facts),
        verifyTargets: verifyTargets(invalidations[0], files.files),
        warnings: [
            ...files.demotions.map((d) => d.warning),
            ...(fallback.warning ? [fallback.warning] : []),
            ...invalidationWarnings(config, stale, invalidations),
        ],
        annotations: annotations(config, facts, sync),
    };
}

;// CONCATENATED MODULE: ./src/io/cloudfront.ts
function cloudFrontClientConfig(env) {
    const endpoint = env.AWS_ENDPOINT_URL_CLOUDFRONT || env.AWS_ENDPOINT_URL;
    // CloudFront is a global service signed in us-east-1; Throttling is retried by the SDK.
    return { region: 'us-east-1', maxAttempts: 6, ...(endpoint ? { endpoint } : {}) };
}
let sdk = null;
/** @aws-sdk/client-cloudfront, imported once, on first use. */
const loadCloudFrontSdk = () => (sdk ??= Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(169)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 3169, 19)));
/** The adapter over `client`, or over a client made from `env` on first use. */
function createCdn(client, env = process.env) {
    let made = null;
    const ready = async () => {
        const { CloudFrontClient, CreateInvalidationCommand, GetInvalidationCommand, ListInvalidationsCommand } = await loadCloudFrontSdk();
        made ??= Promise.resolve(client ?? new CloudFrontClient(cloudFrontClientConfig(env)));
        return { client: await made, CreateInvalidationCommand, GetInvalidationCommand, ListInvalidationsCommand };
    };
    return {
        async create(distributionId, paths, callerReference) {
            const { client, CreateInvalidationCommand } = await ready();
            const res = await client.send(new CreateInvalidationCommand({
                DistributionId: distributionId,
                InvalidationBatch: { CallerReference: callerReference, Paths: { Quantity: paths.length, Items: paths } },
            }));
            return { id: res.Invalidation?.Id ?? '', status: res.Invalidation?.Status ?? 'InProgress' };
        },
        async get(distributionId, id) {
            const { client, GetInvalidationCommand } = await ready();
            const res = await client.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: id }));
            return { status: res.Invalidation?.Status ?? '', paths: res.Invalidation?.InvalidationBatch?.Paths?.Items ?? [] };
        },
        async listSince(distributionId, since) {
            const { client, ListInvalidationsCommand } = await ready();
            const out = [];
            let marker;
            for (let page = 0; page < 20; page++) {
                const res = await client.send(new ListInvalidationsCommand({ DistributionId: distributionId, Marker: marker, MaxItems: 100 }));
                let older = false;
                for (const s of res.InvalidationList?.Items ?? []) {
                    const createTime = s.CreateTime ?? new Date(0);
                    if (createTime < since)
                        older = true;
                    else if (s.Id)
                        out.push({ id: s.Id, status: s.Status ?? '', createTime });
                }
                if (older || !res.InvalidationList?.IsTruncated)
                    break;
                marker = res.InvalidationList.NextMarker;
            }
            return out;
        },
    };
}
const realClock = {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
};
const errName = (err) => err.name ?? '';
/**
 * CreateInvalidation; on TooManyInvalidationsInProgress wait (backoff) for in-flight invalidations to finish
 * and try again with the SAME CallerReference, up to `maxWaitMs`. A retried identical request returns the
 * existing invalidation instead of creating a second one.
 */
async function createInvalidation(cdn, distributionId, paths, callerReference, opts) {
    const start = opts.clock.now();
    let delay = 5_000;
    for (;;) {
        try {
            return await cdn.create(distributionId, paths, callerReference);
        }
        catch (err) {
            if (errName(err) !== 'TooManyInvalidationsInProgress')
                throw err;
            const waited = opts.clock.now() - start;
            if (waited + delay > opts.maxWaitMs) {
                throw new Error(`CloudFront distribution ${distributionId} still has too many invalidations in progress after waiting ` +
                    `${Math.round(waited / 1000)} s (limits: 3,000 file paths and 15 wildcard paths in flight). The paths ` +
                    `are kept as owed in the bucket and the next run sends them; re-run this job when the running ones finish.`, { cause: err });
            }
            opts.log(`CloudFront ${distributionId}: TooManyInvalidationsInProgress (in-flight limits reached); waiting ` +
                `${Math.round(delay / 1000)} s for running invalidations to finish, then retrying`);
            await opts.clock.sleep(delay);
            delay = Math.min(delay * 2, 60_000);
        }
    }
}
/**
 * Poll GetInvalidation until every invalidation is Completed or `timeoutMs` passes. Unlike the SDK waiter,
 * an AccessDenied fails at once with the missing permission named, instead of polling until the timeout.
 */
async function waitForInvalidations(cdn, pending, opts) {
    const start = opts.clock.now();
    let delay = opts.initialDelayMs ?? 5_000;
    const maxDelay = opts.maxDelayMs ?? 30_000;
    for (;;) {
        for (const inv of pending) {
            if (inv.status === 'Completed')
                continue;
            try {
                inv.status = (await cdn.get(inv.distributionId, inv.id)).status;
            }
            catch (err) {
                const name = errName(err);
                if (name === 'AccessDenied' || name === 'AccessDeniedException') {
                    throw new Error(`Cannot wait for invalidation ${inv.id}: GetInvalidation was denied. Grant cloudfront:GetInvalidation on ` +
                        `arn:aws:cloudfront::<account>:distribution/${inv.distributionId}, or set wait: false.`, { cause: err });
                }
                opts.log(`GetInvalidation ${inv.id} failed (${name || String(err)}); retrying`);
            }
        }
        const open = pending.filter((p) => p.status !== 'Completed');
        const elapsed = opts.clock.now() - start;
        if (open.length === 0)
            return { timedOut: [] };
        if (elapsed >= opts.timeoutMs)
            return { timedOut: open };
        opts.log(`Waiting for ${open.map((p) => `${p.id} (${p.distributionId})`).join(', ')}: ${Math.round(elapsed / 1000)} s elapsed`);
        await opts.clock.sleep(Math.min(delay, Math.max(0, opts.timeoutMs - elapsed)));
        delay = Math.min(Math.round(delay * 1.5), maxDelay);
    }
}
/**
 * ListInvalidations for this month, then GetInvalidation for each (bounded), to count paths in flight
 * (CloudFront: 3,000 file paths and 15 wildcard paths per distribution) and paths used this month.
 */
async function readUsage(cdn, distributionId, now, maxReads = 200) {
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    // In-flight ones can be from the end of last month: look back a day further for those.
    const since = new Date(Math.min(monthStart.getTime(), now.getTime() - 24 * 3600 * 1000));
    const list = await cdn.listSince(distributionId, since);
    const usage = { inFlightPaths: 0, inFlightWildcards: 0, monthPaths: 0, unreadable: 0 };
    const toRead = list.filter((i) => i.status === 'InProgress' || i.createTime >= monthStart);
    let reads = 0;
    for (const inv of toRead) {
        if (reads >= maxReads) {
            usage.unreadable++;
            continue;
        }
        reads++;
        const { paths } = await cdn.get(distributionId, inv.id);
        const wild = paths.filter((p) => p.endsWith('*')).length;
        if (inv.status === 'InProgress') {
            usage.inFlightWildcards += wild;
            usage.inFlightPaths += paths.length - wild;
        }
        if (inv.createTime >= monthStart)
            usage.monthPaths += paths.length;
    }
    return usage;
}

;// CONCATENATED MODULE: ./src/io/log.ts
// The Log port on the runner's workflow commands (src/io/runner.ts).

const actionsLog = {
    info: (m) => info(m),
    debug: (m) => debug(m),
    notice: (m) => notice(m),
    warning: (m) => warning(m),
    group: (name, fn) => group(name, fn),
    get debugging() {
        return isDebug();
    },
};

;// CONCATENATED MODULE: ./src/io/s3-lazy.ts
function lazyS3Store(bucket, opts) {
    let store = null;
    const s3 = () => (store ??= Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(358), __nccwpck_require__.e(993)]).then(__nccwpck_require__.bind(__nccwpck_require__, 993)).then((m) => m.createS3Store(bucket, opts)));
    return {
        list: async (prefix) => (await s3()).list(prefix),
        head: async (key) => (await s3()).head(key),
        storedMd5: async (key) => (await s3()).storedMd5(key),
        upload: async (key, absPath, size, md5, headers, uploadOpts) => (await s3()).upload(key, absPath, size, md5, headers, uploadOpts),
        deleteKeys: async (keys) => (await s3()).deleteKeys(keys),
        getText: async (key) => (await s3()).getText(key),
        putText: async (key, body, condition) => (await s3()).putText(key, body, condition),
        etagOf: async (key) => (await s3()).etagOf(key),
        deleteKey: async (key) => (await s3()).deleteKey(key),
    };
}

;// CONCATENATED MODULE: ./src/deps.ts
// What run() is built from: the real adapters by default; tests replace any of them.




/** Files above this size go multipart, in parts of this size (S3's single PUT limit is 5 GB). */
const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
const PART_SIZE = 8 * 1024 * 1024;
function defaultDeps(env) {
    return {
        env,
        getInput: (name) => getInput(name),
        store: (c, sizes) => lazyS3Store(c.bucket, {
            region: c.region,
            concurrency: c.concurrency,
            ...sizes,
            env,
            ...(c.storageClass ? { storageClass: c.storageClass } : {}),
            ...(c.sse ? { sse: c.sse } : {}),
            ...(c.sseKmsKeyId ? { sseKmsKeyId: c.sseKmsKeyId } : {}),
        }),
        // The CloudFront client is made, and @aws-sdk/client-cloudfront loaded, on the first CloudFront call.
        cdn: () => createCdn(undefined, env),
        clock: realClock,
        log: actionsLog,
        multipartThreshold: MULTIPART_THRESHOLD,
        partSize: PART_SIZE,
        maxInFlightWaitMs: 10 * 60_000,
        pollDelayMs: 5_000,
    };
}
/** The ports of one run: the bucket when there is one, one CDN client made on first use. */
function portsFor(config, deps) {
    const sizes = { multipartThreshold: deps.multipartThreshold, partSize: deps.partSize };
    let cdn = null;
    return {
        store: config.bucket !== null ? deps.store({ ...config, bucket: config.bucket }, sizes) : null,
        cdn: () => (cdn ??= deps.cdn()),
        clock: deps.clock,
        log: deps.log,
        ...sizes,
        maxInFlightWaitMs: deps.maxInFlightWaitMs,
        pollDelayMs: deps.pollDelayMs,
    };
}

;// CONCATENATED MODULE: ./src/stages/errors.ts
// The run's own errors, and one line for any error a run can meet.

/** A failure the action explains itself (the message is the whole story). */
class DeployError extends Error {
}
function describeError(err) {
    const e = err;
    const name = e.name ?? '';
    if (/CredentialsProviderError|ExpiredToken|InvalidAccessKeyId|SignatureDoesNotMatch|UnrecognizedClient/i.test(name + ' ' + (e.message ?? ''))) {
        return (`AWS credentials are missing or expired (${name}). Add an aws-actions/configure-aws-credentials step before this ` +
            `action (OIDC role-to-assume with permissions: id-token: write), or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.`);
    }
    // The records folder's name never reaches the log, even inside an SDK's or a server's message.
    if (err instanceof DeployError || name === 'RecordError')
        return hideRecordsDir(e.message ?? '');
    return hideRecordsDir(`${name && name !== 'Error' ? name + ': ' : ''}${e.message ?? String(err)}`);
}

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}

// EXTERNAL MODULE: ./node_modules/p-map/index.js
var p_map = __nccwpck_require__(606);
// EXTERNAL MODULE: ./src/io/files.ts + 1 modules
var files = __nccwpck_require__(4193);
;// CONCATENATED MODULE: ./src/model/record-format.ts
/** The newest ledger format this version reads and writes. */
const LEDGER_VERSION = 2;
/** The newest owed-record format this version reads and writes. */
const OWED_VERSION = 2;
/** A record that cannot be used as it is. `message` is the whole story (key, what is wrong, how to recover). */
class RecordError extends Error {
    name = 'RecordError';
}
const record_format_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const record_format_str = (v) => (typeof v === 'string' ? null : 'not a string');
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'not a number');
function listOf(check) {
    return (v) => {
        if (!Array.isArray(v))
            return 'not a list';
        for (let i = 0; i < v.length; i++) {
            const bad = check(v[i]);
            if (bad)
                return `item ${i} is ${bad}`;
        }
        return null;
    };
}
function mapOf(check) {
    return (v) => {
        if (!record_format_isObject(v))
            return 'not an object';
        for (const [k, x] of Object.entries(v)) {
            const bad = check(x);
            if (bad)
                return `${JSON.stringify(k)} is ${bad}`;
        }
        return null;
    };
}
function shape(fields) {
    return (v) => {
        if (!record_format_isObject(v))
            return 'not an object';
        for (const [name, check] of Object.entries(fields)) {
            const bad = check(v[name]);
            if (bad)
                return `an object whose '${name}' is ${bad}`;
        }
        return null;
    };
}
const stateEntry = (v) => {
    if (!Array.isArray(v) || v.length < 3 || v.length > 4)
        return 'not a [etag, md5, headersHash(, readingHash)] list';
    return v.every((x) => typeof x === 'string') ? null : 'a list holding something other than text';
};
const LEDGER_FIELDS = {
    objects: mapOf(stateEntry),
    demoted: listOf(record_format_str),
    shapes: listOf(shape({ dir: record_format_str, before: record_format_str, after: record_format_str, alphabet: record_format_str, length: num })),
    pending: mapOf(shape({ since: num, size: num })),
    deploys: listOf(shape({ sha: record_format_str, runId: record_format_str, time: record_format_str })),
};
function damaged(ctx, what, recovery) {
    return new RecordError(`The action's record ${ctx.shown} is damaged: ${what}. Nothing was written. ${recovery}`);
}
const LEDGER_RECOVERY = 'To recover, delete that object (list the prefix with your own credentials to find its folder): the next run rebuilds ' +
    'the ledger from the bucket (one HEAD per object it cannot match), forgetting its demotions and deploy history.';
/** Newer than this version can read: never overwritten, never half-read. */
function newer(ctx, kind, version, supported) {
    return new RecordError(`The action's ${kind} ${ctx.shown} was written by a newer version of s3-cloudfront-deploy (format ${version}; this ` +
        `version reads up to ${supported}). Nothing was written. Use the newer version of the action (or later) for this bucket.`);
}
/** The ledger from its stored text: every field checked. Throws RecordError. */
function parseLedger(body, ctx) {
    let v;
    try {
        v = JSON.parse(body);
    }
    catch (err) {
        throw damaged(ctx, `not JSON (${err.message})`, LEDGER_RECOVERY);
    }
    if (!record_format_isObject(v))
        throw damaged(ctx, 'not a JSON object', LEDGER_RECOVERY);
    const version = v.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw damaged(ctx, `'version' is ${JSON.stringify(version) ?? 'missing'}`, LEDGER_RECOVERY);
    }
    if (version > LEDGER_VERSION)
        throw newer(ctx, 'ledger', version, LEDGER_VERSION);
    for (const [name, check] of Object.entries(LEDGER_FIELDS)) {
        if (v[name] === undefined && name !== 'objects')
            continue;
        const bad = check(v[name]);
        if (bad)
            throw damaged(ctx, `'${name}' is ${v[name] === undefined ? 'missing' : bad}`, LEDGER_RECOVERY);
    }
    return {
        version: version,
        objects: v.objects,
        ...(v.demoted !== undefined ? { demoted: v.demoted } : {}),
        ...(v.shapes !== undefined ? { shapes: v.shapes } : {}),
        ...(v.pending !== undefined ? { pending: v.pending } : {}),
        ...(v.deploys !== undefined ? { deploys: v.deploys } : {}),
    };
}
const OWED_RECOVERY = 'To recover, invalidate the paths it owed (or /*) once by hand, then delete that object (list the prefix with your own ' +
    'credentials to find its folder).';
/** An owed record from its stored text: every field checked. Throws RecordError. */
function parseOwed(body, ctx) {
    let v;
    try {
        v = JSON.parse(body);
    }
    catch (err) {
        throw damaged(ctx, `not JSON (${err.message})`, OWED_RECOVERY);
    }
    if (!record_format_isObject(v))
        throw damaged(ctx, 'not a JSON object', OWED_RECOVERY);
    if (v.version !== undefined) {
        if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
            throw damaged(ctx, `'version' is ${JSON.stringify(v.version)}`, OWED_RECOVERY);
        }
        if (v.version > OWED_VERSION)
            throw newer(ctx, 'owed-invalidation record', v.version, OWED_VERSION);
    }
    const checks = [
        ['distributionId', record_format_str, true],
        ['paths', listOf(record_format_str), true],
        ['note', record_format_str, false],
        ['deferred', (x) => (typeof x === 'boolean' ? null : 'not true or false'), false],
        ['stage', (x) => (x === 'before-writes' || x === 'complete' ? null : 'not before-writes or complete'), false],
    ];
    for (const [name, check, required] of checks) {
        if (v[name] === undefined && !required)
            continue;
        const bad = v[name] === undefined ? 'missing' : check(v[name]);
        if (bad)
            throw damaged(ctx, `'${name}' is ${bad}`, OWED_RECOVERY);
    }
    const paths = v.paths;
    const bad = paths.find((p) => !p.startsWith('/'));
    if (bad !== undefined)
        throw damaged(ctx, `path ${JSON.stringify(bad)} does not start with '/'`, OWED_RECOVERY);
    return {
        distributionId: v.distributionId,
        paths,
        ...(typeof v.note === 'string' ? { note: v.note } : {}),
        ...(typeof v.deferred === 'boolean' ? { deferred: v.deferred } : {}),
        ...(v.stage !== undefined ? { stage: v.stage } : {}),
    };
}

;// CONCATENATED MODULE: ./src/io/journal.ts


/** The owed record of one run attempt for one distribution, in the records folder `dir`. */
function recordKey(dir, distributionId, runId, runAttempt) {
    return `${owedDirIn(dir)}${distributionId}/${runId}-${runAttempt}.json`;
}
/** The records folder an owed record's key is in. */
function recordsDirOfOwed(key) {
    return key.replace(/owed\/[^/]+\/[^/]+\.json$/, '');
}
/**
 * Owed records among listed keys, in any of the records folders `dirs`. A damaged record (or one of a newer format)
 * throws a RecordError naming it: a record that cannot be read whole cannot be known to be paid.
 */
async function readOwed(store, dirs, listedKeys, bucket = null) {
    const out = [];
    for (const key of listedKeys) {
        const dir = dirs.map(owedDirIn).find((d) => key.startsWith(d));
        if (!dir || !key.endsWith('.json'))
            continue;
        const obj = await store.getText(key);
        if (!obj)
            continue;
        const r = parseOwed(obj.body, { shown: shownRecord(bucket, key) });
        out.push({
            key,
            etag: obj.etag,
            distributionId: r.distributionId,
            paths: r.paths,
            ...(r.note !== undefined ? { note: r.note } : {}),
            ...(r.deferred !== undefined ? { deferred: r.deferred } : {}),
            ...(r.stage !== undefined ? { stage: r.stage } : {}),
        });
    }
    return out;
}
async function writeOwed(store, key, distributionId, paths, w) {
    const meta = typeof w === 'string' ? { note: w } : w;
    return store.putText(key, JSON.stringify({ version: OWED_VERSION, distributionId, paths, ...meta, writtenAt: new Date().toISOString() }));
}
/**
 * Clear records whose paths were just invalidated. A record of another run is only deleted if it is unchanged
 * since it was read (that run may have rewritten it meanwhile with paths it owes now).
 */
async function clearOwed(store, ownKey, consumed) {
    if (ownKey !== null)
        await store.deleteKey(ownKey);
    for (const r of consumed) {
        if (r.key === ownKey)
            continue;
        if ((await store.etagOf(r.key)) === r.etag)
            await store.deleteKey(r.key);
    }
}

;// CONCATENATED MODULE: ./src/io/state.ts


/**
 * The ledger in the records folder `dir`, when the listing showed one. A damaged ledger, or one of a newer format,
 * throws a RecordError naming it (nothing is written from a ledger that cannot be trusted whole).
 */
async function readState(store, dir, listed, bucket = null) {
    if (!listed)
        return null;
    const key = stateKeyIn(dir);
    const obj = await store.getText(key);
    if (!obj)
        return null;
    return { state: parseLedger(obj.body, { shown: shownRecord(bucket, key) }), etag: obj.etag };
}
/**
 * Writes the ledger, only over the version this run read (`ifMatch`) or only where there was none
 * (`ifNoneMatch`): a PreconditionFailed error means another run wrote it meanwhile. Returns the new ETag.
 */
async function writeState(store, dir, state, condition) {
    return store.putText(stateKeyIn(dir), JSON.stringify(state), condition);
}

;// CONCATENATED MODULE: ./src/io/verify.ts
// Post-invalidation check (`verify-url`): GET a bounded sample of the invalidated exact paths from the
// site's public URL and compare each body's MD5 with the MD5 of the bytes uploaded. Thin I/O (global fetch),
// no workflow commands: the caller reports the results.
//
// The MD5 is computed over the body as fetch returns it, i.e. after fetch (undici) has transparently decoded
// a gzip / deflate / br Content-Encoding, so a CloudFront distribution with automatic compression still
// yields the uploaded bytes. This assumes the action uploads files uncompressed (it sets no Content-Encoding);
// a file uploaded pre-compressed with `Content-Encoding: gzip` would hash differently and show as stale.


const DEFAULT_VERIFY_CONCURRENCY = 4;
const DEFAULT_VERIFY_TIMEOUT_MS = 10_000;
const DEFAULT_VERIFY_MAX_BYTES = 100 * 1024 * 1024;
const DEFAULT_USER_AGENT = 's3-cloudfront-deploy-verify';
function isErrorLike(err) {
    return typeof err === 'object' && err !== null && typeof err.message === 'string';
}
function errorMessage(err, timeoutMs) {
    if (!isErrorLike(err))
        return String(err);
    if (err.name === 'TimeoutError')
        return `timed out after ${timeoutMs} ms`;
    if (err.name === 'AbortError')
        return 'aborted';
    const message = String(err.message);
    const cause = err.cause;
    if (isErrorLike(cause)) {
        // undici: TypeError('fetch failed') with the socket error (ECONNREFUSED, ENOTFOUND, ...) as the cause.
        if (cause.name === 'TimeoutError')
            return `timed out after ${timeoutMs} ms`;
        const causeMessage = String(cause.message);
        const code = typeof cause.code === 'string' && !causeMessage.includes(cause.code) ? cause.code : '';
        return `${message}: ${[code, causeMessage].filter(Boolean).join(' ') || 'unknown cause'}`;
    }
    return message;
}
async function verifyOne(base, target, fetchImpl, timeoutMs, maxBytes, userAgent) {
    const url = joinUrl(base, target.path);
    const result = (status, detail, extra = {}) => ({
        path: target.path,
        url,
        status,
        ...extra,
        detail,
    });
    if (!isExactPath(target.path))
        return result('error', 'not an exact path (must start with "/" and have no "*")');
    const expectedMd5 = target.md5.toLowerCase();
    // fetch parses the URL (WHATWG): dot segments such as `/a/../b` would be collapsed, fetching another object.
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch (err) {
        return result('error', `invalid URL: ${errorMessage(err, timeoutMs)}`);
    }
    const basePath = new URL(base).pathname.replace(/\/+$/, '');
    if (parsed.pathname !== basePath + url.slice(base.length)) {
        return result('error', `the URL path is normalized to ${parsed.pathname} by URL parsing; not verifiable`);
    }
    let response;
    try {
        // A plain GET, as a visitor's browser would send it (no cache-busting headers): the point is to see what
        // users get. Redirects are followed and recorded.
        response = await fetchImpl(url, {
            method: 'GET',
            redirect: 'follow',
            headers: { 'user-agent': userAgent, accept: '*/*' },
            signal: AbortSignal.timeout(timeoutMs),
        });
    }
    catch (err) {
        return result('error', `request failed: ${errorMessage(err, timeoutMs)}`);
    }
    const extra = { httpStatus: response.status };
    let via = '';
    if (response.redirected && response.url && response.url !== url) {
        extra.redirectedTo = response.url;
        via = ` (redirected to ${response.url})`;
    }
    if (response.status >= 400) {
        await response.body?.cancel().catch(() => undefined);
        return result('error', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${via}`, extra);
    }
    if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => undefined);
        return result('error', `unexpected HTTP ${response.status}${via}`, extra);
    }
    let read;
    try {
        read = await bodyMd5(response, maxBytes);
    }
    catch (err) {
        return result('error', `reading the body failed: ${errorMessage(err, timeoutMs)}${via}`, extra);
    }
    if (read === null)
        return result('error', `body larger than ${maxBytes} bytes; not compared${via}`, extra);
    const { md5: got, bytes } = read;
    if (got === expectedMd5)
        return result('fresh', `md5 ${got} (${bytes} bytes) matches${via}`, extra);
    return result('stale', `got md5 ${got} (${bytes} bytes), expected ${expectedMd5}${via}`, extra);
}
/** MD5 and length of the response body, read as a stream; null (the rest cancelled) once it passes `maxBytes`. */
async function bodyMd5(response, maxBytes) {
    const hash = (0,external_node_crypto_.createHash)('md5');
    let bytes = 0;
    if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            bytes += value.byteLength;
            if (bytes > maxBytes) {
                await reader.cancel().catch(() => undefined);
                return null;
            }
            hash.update(value);
        }
    }
    return { md5: hash.digest('hex'), bytes };
}
/**
 * GET `baseUrl` + each target's path and compare the body's MD5 with `target.md5`. Never throws for a
 * request failure (network error, timeout, HTTP >= 400 -> status 'error'); throws only for an invalid
 * `baseUrl` (see normalizeBaseUrl). Results are in the order of `targets`.
 */
async function verifyUrls(baseUrl, targets, opts = {}) {
    const base = normalizeBaseUrl(baseUrl);
    const fetchImpl = opts.fetchImpl ?? fetch;
    const timeoutMs = opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? opts.timeoutMs : DEFAULT_VERIFY_TIMEOUT_MS;
    const maxBytes = opts.maxBytes !== undefined && opts.maxBytes >= 0 ? opts.maxBytes : DEFAULT_VERIFY_MAX_BYTES;
    const concurrency = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_VERIFY_CONCURRENCY) || 1);
    const userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    const results = new Array(targets.length);
    let next = 0;
    const worker = async () => {
        while (next < targets.length) {
            const i = next++;
            const target = targets[i];
            try {
                results[i] = await verifyOne(base, target, fetchImpl, timeoutMs, maxBytes, userAgent);
            }
            catch (err) {
                results[i] = { path: target.path, url: joinUrl(base, target.path), status: 'error', detail: errorMessage(err, timeoutMs) };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/io/s3-errors.ts
var s3_errors = __nccwpck_require__(1566);
;// CONCATENATED MODULE: ./src/plan/verify-sample.ts

/**
 * A bounded, deterministic sample: targets deduplicated by path (the first occurrence wins), wildcard or
 * relative paths dropped, sorted by path (code-unit order), then `max` evenly spaced entries (the first is
 * always included). Same input set -> same output, whatever the input order (except which duplicate wins).
 */
function chooseSample(targets, max) {
    const limit = Number.isFinite(max) ? Math.floor(max) : 0;
    if (limit <= 0)
        return [];
    const byPath = new Map();
    for (const t of targets) {
        if (!isExactPath(t.path) || byPath.has(t.path))
            continue;
        byPath.set(t.path, t);
    }
    const sorted = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const n = sorted.length;
    if (n <= limit)
        return sorted;
    const out = [];
    for (let i = 0; i < limit; i++)
        out.push(sorted[Math.floor((i * n) / limit)]);
    return out;
}

;// CONCATENATED MODULE: ./src/stages/timing.ts
async function timed(name, timings, fn) {
    const start = Date.now();
    try {
        return await fn();
    }
    finally {
        timings[name] = Date.now() - start;
    }
}
/** A log group with its duration, recorded in `timings` for the report. */
async function phase(log, name, timings, fn) {
    const start = Date.now();
    return timed(name, timings, () => log.group(name, async () => {
        const result = await fn();
        log.info(`(${name}: ${((Date.now() - start) / 1000).toFixed(1)} s)`);
        return result;
    }));
}

;// CONCATENATED MODULE: ./src/stages/execute.ts
// execute: every write a run makes, in the safe order, returning what happened. A failure part way is
// returned in the Outcome (not thrown), so the report still says what was uploaded and invalidated.















async function execute(config, facts, plan, ports) {
    const out = { etags: {}, deleted: [], sent: [], verify: null, timedOut: [], error: null, timingsMs: {} };
    const t = out.timingsMs;
    const { store, log } = ports;
    const held = ports.assertHeld ?? (() => { });
    try {
        const toSend = plan.invalidations.filter((p) => p.paths.length > 0);
        const ownRecords = store && toSend.length > 0 ? await phase(log, 'Record owed invalidations', t, () => recordOwed(config, facts, toSend, store)) : {};
        if (store && config.upload && plan.writeState) {
            const ledgerWrite = ledgerWriter(config, store, facts, held);
            // A demotion is proof that exists only now: recorded before the uploads, so a crash cannot lose it.
            if (newDemotions(facts, plan))
                await ledgerWrite({ ...(facts.state ?? { objects: {} }), version: 2, demoted: plan.ledger.demoted });
            if (plan.uploadWaves.some((w) => w.length > 0)) {
                out.etags = await phase(log, 'Upload', t, () => uploadAll(config, store, plan.uploadWaves, ports));
            }
            await ledgerWrite(nextLedger(facts.state, { ...plan.ledger, files: plan.files, remote: plan.remote, etags: out.etags }));
            await migrateRecords(store, facts);
        }
        // The origin reaches its final state before the invalidation that covers it: an edge that refetches
        // after processing the invalidation must not find a deleted page still there.
        if (store && plan.deletes.length > 0) {
            held();
            out.deleted = await phase(log, 'Delete removed objects', t, () => deleteRemoved(store, plan.deletes, log));
        }
        if (toSend.length > 0 && config.invalidate === 'defer') {
            // Written again once this run's writes are done: a consolidating job that read (and sent) the record
            // while the uploads were still going finds it changed, keeps it, and sends it again next time.
            if (store) {
                const written = await recordOwed(config, facts, toSend, store, 'complete');
                // Earlier records of this prefix are in this run's record now (its stale paths include what they owed).
                const mine = new Set(Object.values(written));
                const merged = facts.owed.filter((r) => toSend.some((p) => p.distributionId === r.distributionId) && !mine.has(r.key));
                await clearOwed(store, null, merged);
            }
            log.info(`invalidate: defer: ${toSend.map((p) => `${p.stale.length} stale paths for ${p.distributionId}`).join(', ')} left as owed records for the consolidating job`);
        }
        else if (toSend.length > 0) {
            // Each distribution on its own: one that fails leaves the ones created for the others in the outcome.
            const settled = await phase(log, 'Invalidate', t, () => invalidate(config, facts, toSend, ownRecords, ports));
            out.sent = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
            const failed = settled.find((r) => r.status === 'rejected');
            if (failed) {
                out.error = describeError(failed.reason);
                // What was created is still waited for and reported; nothing after the invalidation runs.
                if (config.wait && out.sent.length > 0) {
                    await ports.writesDone?.();
                    const waited = await phase(log, 'Wait for invalidations', t, () => waitAll(config, out.sent, ports));
                    out.sent = waited.sent;
                    out.timedOut = waited.timedOut;
                }
                return out;
            }
        }
        // Removed fingerprinted objects whose grace period has passed: never invalidated, so last.
        if (store && plan.lateDeletes.length > 0) {
            held();
            const late = await phase(log, 'Delete removed fingerprinted objects (grace period over)', t, () => deleteRemoved(store, plan.lateDeletes, log));
            out.deleted = [...out.deleted, ...late];
        }
        await ports.writesDone?.();
        if (config.wait && out.sent.length > 0) {
            const waited = await phase(log, 'Wait for invalidations', t, () => waitAll(config, out.sent, ports));
            out.sent = waited.sent;
            out.timedOut = waited.timedOut;
        }
        const first = out.sent.find((s) => s.distributionId === plan.invalidations[0]?.distributionId);
        if (config.verifyUrl && out.timedOut.length === 0 && first?.status === 'Completed') {
            out.verify = await phase(log, 'Verify what the CDN serves', t, () => verify(config, plan, log));
            const failure = verifyFailure(config, out.verify);
            if (failure)
                throw new DeployError(failure);
        }
    }
    catch (err) {
        out.error = describeError(err);
    }
    return out;
}
/**
 * The ledger's writes, each a compare-and-swap: over the version this run read (or only where there was none), then
 * over its own last write. A refusal means another run wrote the ledger while this one held the lock (a lock taken
 * over, or a store that ignores conditions): the run stops there; its owed record stays for the next run.
 */
function ledgerWriter(config, store, facts, assertHeld) {
    let etag = facts.ledgerEtag ?? null;
    return async (state) => {
        assertHeld();
        try {
            etag = await writeState(store, facts.records.dir, state, etag === null ? { ifNoneMatch: '*' } : { ifMatch: etag });
        }
        catch (err) {
            if (!(0,s3_errors/* isPreconditionFailed */.W)(err))
                throw err;
            throw new DeployError(`The ledger of s3://${config.bucket}/${config.prefix} was changed by another run after this one read it, although this ` +
                `run held the deploy lock: its write was refused and nothing more was written. The owed invalidation stays recorded ` +
                `for the next run. Re-run this job; serialise deploys of this prefix with a workflow concurrency group.`);
        }
    };
}
function newDemotions(facts, plan) {
    const before = new Set(facts.state?.demoted ?? []);
    return plan.ledger.demoted.some((p) => !before.has(p));
}
/** The ledger now lives in its new folder: the old copies go (owed records there are cleared once sent). */
async function migrateRecords(store, facts) {
    for (const dir of facts.records.oldDirs) {
        if (facts.ownKeys.includes(stateKeyIn(dir)))
            await store.deleteKey(stateKeyIn(dir));
    }
}
/** Owed records are written before the first write and cleared only after CreateInvalidation succeeded. */
async function recordOwed(config, facts, plans, store, stage = 'before the first write') {
    const { runId, runAttempt } = facts.run;
    const keys = {};
    for (const p of plans) {
        const key = recordKey(facts.records.dir, p.distributionId, runId, runAttempt);
        // Deferred: the exact stale URLs, so the consolidating job plans one cover over every shard's.
        const paths = config.invalidate === 'defer' ? p.stale.map((s) => s.path) : p.decoded;
        await writeOwed(store, key, p.distributionId, paths, {
            note: `run ${runId} attempt ${runAttempt}, prefix '${config.prefix}', ${stage}`,
            ...(config.invalidate === 'defer' ? { deferred: true } : {}),
            stage: stage === 'complete' ? 'complete' : 'before-writes',
        });
        keys[p.distributionId] = key;
    }
    return keys;
}
async function uploadAll(config, store, waves, ports) {
    const { sourceDir } = config;
    const uploads = waves.flat();
    const big = pLimit(2);
    const etags = {};
    const failed = [];
    const progress = uploadProgress(uploads, ports.log);
    for (const wave of waves) {
        await (0,p_map/* default */.Ay)(wave, async (f) => {
            if (failed.length > 0)
                return; // stop starting uploads after the first failure
            const put = () => store.upload(f.key, (0,files/* absPathOf */.tE)(sourceDir, f.source), f.size, f.md5, f.headers, { gzip: f.gzip });
            try {
                ports.assertHeld?.();
                etags[f.key] = await (f.size > ports.multipartThreshold ? big(put) : put());
                progress.done(f.size);
            }
            catch (err) {
                failed.push({ key: f.key, message: describeError(err) });
            }
        }, { concurrency: config.concurrency });
        if (failed.length > 0)
            throw new DeployError(uploadFailure(failed, uploads, etags));
    }
    progress.finish();
    return etags;
}
function uploadProgress(uploads, log) {
    const totalBytes = uploads.reduce((n, f) => n + f.size, 0);
    const started = Date.now();
    let files = 0;
    let bytes = 0;
    let lastLog = started;
    const fmt = thousands;
    return {
        done(size) {
            files++;
            bytes += size;
            if (Date.now() - lastLog <= 5000)
                return;
            lastLog = Date.now();
            const rate = bytes / ((lastLog - started) / 1000);
            const eta = rate > 0 ? Math.round((totalBytes - bytes) / rate) : 0;
            log.info(`uploaded ${files}/${uploads.length} files, ${fmt(bytes)} of ${fmt(totalBytes)} bytes, about ${eta} s left`);
        },
        finish() {
            log.info(`uploaded ${files} files, ${fmt(bytes)} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        },
    };
}
function uploadFailure(failed, uploads, etags) {
    const notDone = uploads.filter((u) => etags[u.key] === undefined);
    const done = uploads.length - notDone.length;
    return (`Upload failed for ${failed.length} file(s): ${failed
        .slice(0, 5)
        .map((f) => `${f.key}: ${f.message}`)
        .join('; ')}. ` +
        `${done} of ${uploads.length} uploaded; not uploaded: ${notDone
            .slice(0, 20)
            .map((u) => u.key)
            .join(', ')}` +
        `${notDone.length > 20 ? ` and ${notDone.length - 20} more` : ''}. No invalidation was sent and nothing was deleted; ` +
        `the owed paths are recorded in the bucket and the next run sends them.`);
}
async function invalidate(config, facts, plans, ownRecords, ports) {
    const { repository, runId, runAttempt } = facts.run;
    const cdn = ports.cdn();
    return Promise.allSettled(plans.map(async (p) => {
        const ref = callerReference(repository, runId, runAttempt, p.distributionId, p.paths);
        const res = await createInvalidation(cdn, p.distributionId, p.paths, ref, {
            clock: ports.clock,
            maxWaitMs: ports.maxInFlightWaitMs,
            log: (m) => ports.log.info(m),
        });
        ports.log.info(`${p.distributionId}: invalidation ${res.id} (${res.status}), ${p.paths.length} paths`);
        const ownKey = ownRecords[p.distributionId];
        if (ports.store && ownKey) {
            await clearOwed(ports.store, ownKey, facts.owed.filter((r) => r.distributionId === p.distributionId));
        }
        return { distributionId: p.distributionId, id: res.id, status: res.status };
    }));
}
async function deleteRemoved(store, keys, log) {
    const res = await store.deleteKeys(keys);
    log.info(`Deleted ${res.deleted.length} objects`);
    if (res.failed.length > 0) {
        const shown = res.failed
            .slice(0, 10)
            .map((f) => `${f.key} (${f.message})`)
            .join(', ');
        throw new DeployError(`${res.failed.length} deletes failed: ${shown}`);
    }
    return res.deleted;
}
async function waitAll(config, sent, ports) {
    const pending = sent.map((s) => ({ ...s }));
    const res = await waitForInvalidations(ports.cdn(), pending, {
        clock: ports.clock,
        timeoutMs: config.waitTimeoutSeconds * 1000,
        log: (m) => ports.log.info(m),
        initialDelayMs: ports.pollDelayMs,
    });
    return { sent: pending, timedOut: res.timedOut.map((t) => `${t.id} (${t.distributionId})`) };
}
/** After the invalidation completed: fetch a bounded sample of invalidated URLs and compare their bodies. */
async function verify(config, plan, log) {
    const results = await verifyUrls(config.verifyUrl, chooseSample(plan.verifyTargets, config.verifySample));
    const bad = results.filter((v) => v.status !== 'fresh');
    for (const v of bad)
        log.warning(`${v.status}: ${v.url}: ${v.detail}`);
    log.info(`Verified ${results.length} URL(s): ${results.length - bad.length} fresh, ${bad.length} stale or failing`);
    return results;
}
function verifyFailure(config, results) {
    const bad = results.filter((v) => v.status !== 'fresh');
    if (bad.length === 0 || config.verify !== 'fail')
        return null;
    const shown = bad
        .slice(0, 5)
        .map((v) => v.url)
        .join(', ');
    return `${bad.length} of ${results.length} verified URL(s) are stale or failing after the invalidation (verify: fail): ${shown}`;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/io/ancestry.ts
// How this run's commit relates to the commit of the live deploy: local git (fetching what a shallow checkout
// lacks), else the GitHub compare API. Thin.
//
// What a checkout can prove: with full history (fetch-depth: 0) ancestry both ways, so newer, older and
// diverged. In a shallow clone the graph is cut at its boundary, so `merge-base --is-ancestor` is a proof when
// it answers yes (the path it found is real) and proves nothing when it answers no. The live commit is fetched
// at depth 1 (cheap), both histories are deepened by 50 commits (the usual push is settled there), then the
// compare API is asked, and only when it cannot answer are they deepened further (bounded); "diverged" needs
// the whole history or the compare API.



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/**
 * How many commits each deepening adds in a shallow clone, in turn: the first before the compare API is asked
 * (cheap: it settles the usual push), the others only when the API cannot answer (about 1,250 in all).
 */
const DEEPEN_FIRST = [50];
const DEEPEN_MORE = [200, 1000];
/** Never wait for a credential prompt (a checkout without persisted credentials fails fast instead). */
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
/** Exit status of a git command: 0, 1, or a throw for anything else. */
async function gitStatus(cwd, args) {
    try {
        await run('git', args, { cwd, env: GIT_ENV });
        return 0;
    }
    catch (err) {
        const code = err.code;
        if (code === 1)
            return 1;
        throw err;
    }
}
const git = async (cwd, args) => (await run('git', args, { cwd, env: GIT_ENV, maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
const hasCommit = async (cwd, sha) => (await gitStatus(cwd, ['cat-file', '-e', `${sha}^{commit}`]).catch(() => 1)) === 0;
const isShallow = async (cwd) => (await git(cwd, ['rev-parse', '--is-shallow-repository'])) !== 'false';
/** Which way one descends from the other, as far as the commits present show (a yes is a proof, even shallow). */
async function provenOrder(cwd, ours, live) {
    if ((await gitStatus(cwd, ['merge-base', '--is-ancestor', live, ours])) === 0)
        return 'newer';
    if ((await gitStatus(cwd, ['merge-base', '--is-ancestor', ours, live])) === 0)
        return 'older';
    return null;
}
async function localOrder(cwd, ours, live, log, steps) {
    try {
        await git(cwd, ['rev-parse', '--git-dir']);
    }
    catch {
        return { order: null, why: 'the workspace is not a git checkout' };
    }
    try {
        for (const sha of [ours, live]) {
            if (await hasCommit(cwd, sha))
                continue;
            log(`Commit ${sha.slice(0, 12)} is not in the checkout; fetching it (depth 1) to order the deploy`);
            await git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]).catch(() => '');
            if (!(await hasCommit(cwd, sha)))
                return { order: null, why: `commit ${sha.slice(0, 12)} could not be fetched` };
        }
        if (!(await isShallow(cwd)))
            return { order: (await provenOrder(cwd, ours, live)) ?? 'diverged', why: '' };
        for (const step of steps) {
            const proven = await provenOrder(cwd, ours, live);
            if (proven)
                return { order: proven, why: '' };
            log(`Shallow checkout: deepening the history of both commits by ${step} to order them`);
            try {
                await git(cwd, ['fetch', '--no-tags', `--deepen=${step}`, 'origin', ours, live]);
            }
            catch (err) {
                return { order: null, why: `shallow checkout: deepening failed (${String(err.message).split('\n')[0]})` };
            }
            if (!(await isShallow(cwd)))
                return { order: (await provenOrder(cwd, ours, live)) ?? 'diverged', why: '' };
        }
        const proven = await provenOrder(cwd, ours, live);
        if (proven)
            return { order: proven, why: '' };
        return {
            order: null,
            why: `shallow checkout: neither commit descends from the other within the ${steps.join(' + ')} commits it was deepened by`,
        };
    }
    catch (err) {
        return { order: null, why: String(err.message).split('\n')[0] };
    }
}
/** Compare API: `live...ours` is `ahead` when ours descends from live. */
async function apiOrder(opts, ours, live) {
    const { owner, repo } = splitRepository(opts.repository);
    const res = await (await githubClient(opts.apiUrl, opts.token)).rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${live}...${ours}`,
        per_page: 1,
    });
    const status = res.data.status;
    return status === 'ahead' ? 'newer' : status === 'behind' ? 'older' : status === 'identical' ? 'same' : 'diverged';
}
async function commitOrder(cwd, ours, live, api, log = () => { }) {
    if (!live || !ours)
        return { order: 'none' };
    if (live === ours)
        return { order: 'same' };
    const local = await localOrder(cwd, ours, live, log, DEEPEN_FIRST);
    if (local.order)
        return { order: local.order };
    let apiWhy = 'no github-token for the compare API';
    if (api.token) {
        try {
            return { order: await apiOrder(api, ours, live) };
        }
        catch (err) {
            apiWhy = `the compare API failed: ${err.message}`;
        }
    }
    // The compare API could not answer: deepen the checkout further.
    const deeper = local.why.startsWith('shallow checkout: neither') ? await localOrder(cwd, ours, live, log, DEEPEN_MORE) : local;
    if (deeper.order)
        return { order: deeper.order };
    return { order: 'unknown', note: `${deeper.why}; ${apiWhy}` };
}

;// CONCATENATED MODULE: ./src/io/git.ts
// Changed files between two commits: local git first (fetching a missing base), then the GitHub API (compare,
// and past its 300-file cap the two commits' trees).




const git_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git_git(cwd, args) {
    const { stdout } = await git_run('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
}
/** Parse `git diff --name-status -z -M` output. */
function parseNameStatus(out) {
    const tokens = out.split('\0');
    const files = [];
    let i = 0;
    while (i < tokens.length) {
        const status = tokens[i++];
        if (!status)
            continue;
        const code = status[0];
        if (code === 'R') {
            const from = tokens[i++] ?? '';
            const to = tokens[i++] ?? '';
            files.push({ path: to, status: 'renamed', previousPath: from });
        }
        else if (code === 'C') {
            i++; // source of the copy is unchanged
            files.push({ path: tokens[i++] ?? '', status: 'added' });
        }
        else {
            const path = tokens[i++] ?? '';
            files.push({ path, status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified' });
        }
    }
    return files;
}
async function git_hasCommit(cwd, sha) {
    try {
        await git_git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
        return true;
    }
    catch {
        return false;
    }
}
/** Diff with local git; fetches a commit missing from a shallow checkout. Throws when git cannot do it. */
async function localDiff(cwd, base, head, log, fromMergeBase = false) {
    for (const sha of [base, head]) {
        if (await git_hasCommit(cwd, sha))
            continue;
        log(`Commit ${sha.slice(0, 12)} is not in the checkout (shallow clone?); fetching it`);
        await git_git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]);
    }
    // Push: the two trees (correct even after a force push). Pull request: what the branch changed since it
    // left the base branch (base...head), so newer commits on the base do not count.
    const range = fromMergeBase ? [`${base}...${head}`] : [base, head];
    return parseNameStatus(await git_git(cwd, ['diff', '--name-status', '-z', '-M', ...range, '--']));
}
/** The compare API lists at most this many files. */
const COMPARE_FILE_CAP = 300;
/** Map compare-API files to ChangedFile; the API returns at most 300 files (exactly 300: maybe truncated). */
function fromCompareFiles(files) {
    const out = files.map((f) => {
        if (f.status === 'renamed' && f.previous_filename)
            return { path: f.filename, status: 'renamed', previousPath: f.previous_filename };
        if (f.status === 'added' || f.status === 'copied')
            return { path: f.filename, status: 'added' };
        if (f.status === 'removed')
            return { path: f.filename, status: 'deleted' };
        return { path: f.filename, status: 'modified' };
    });
    return { files: out, maybeTruncated: files.length >= COMPARE_FILE_CAP };
}
/**
 * Diff two tree listings (tree entries are ignored): a path only in `to` is added, only in `from` deleted, in
 * both with another object id or mode modified. A deleted and an added path with the same blob are paired
 * as a rename (exact renames only; an edited rename stays deleted + added). Sorted by path.
 */
function diffTrees(from, to) {
    const files = (entries) => new Map(entries.filter((e) => e.type !== 'tree').map((e) => [e.path, e]));
    const a = files(from);
    const b = files(to);
    const out = [];
    const deletedBySha = new Map();
    for (const [path, e] of a) {
        const other = b.get(path);
        if (!other) {
            if (e.type === 'blob')
                deletedBySha.set(e.sha, [...(deletedBySha.get(e.sha) ?? []), path]);
            else
                out.push({ path, status: 'deleted' });
        }
        else if (other.sha !== e.sha || other.mode !== e.mode)
            out.push({ path, status: 'modified' });
    }
    const added = [...b.values()].filter((e) => !a.has(e.path)).sort((x, y) => (x.path < y.path ? -1 : 1));
    for (const e of added) {
        const sources = e.type === 'blob' ? deletedBySha.get(e.sha) : undefined;
        const previousPath = sources?.shift();
        out.push(previousPath === undefined ? { path: e.path, status: 'added' } : { path: e.path, status: 'renamed', previousPath });
    }
    for (const paths of deletedBySha.values())
        for (const path of paths)
            out.push({ path, status: 'deleted' });
    return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
class TruncatedTree extends Error {
}
/**
 * Changed files between two commits through the GitHub API. The compare API (`base...head`) answers when
 * it lists fewer than 300 files; at its cap the two commits' recursive trees are compared, and when GitHub
 * truncates a recursive tree (100,000 entries / 7 MB) the trees are walked level by level, only into
 * subtrees whose ids differ. `maybeTruncated` is true only when none of these could read the whole diff.
 *
 * The diff is from the merge base to head, as the compare API lists it, when base is an ancestor of head or
 * `fromMergeBase` is set (pull requests). Otherwise (a force push: base and head diverged, or head is behind)
 * it is the two trees base -> head, like `git diff base head`.
 */
async function compareDiff(opts) {
    const { owner, repo } = splitRepository(opts.repository);
    const client = opts.client ?? (await githubClient(opts.apiUrl, opts.token));
    const { data: cmp } = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${opts.base}...${opts.head}` });
    const twoTrees = !opts.fromMergeBase && (cmp.status === 'diverged' || cmp.status === 'behind');
    const listed = cmp.files ?? [];
    if (!twoTrees && listed.length < COMPARE_FILE_CAP)
        return { ...fromCompareFiles(listed), via: 'compare' };
    if (twoTrees)
        opts.log?.(`Base is not an ancestor of head (${cmp.status}, force push?): comparing the two trees`);
    else
        opts.log?.(`The compare API listed ${listed.length} files, its cap: comparing the two commits' trees`);
    const limit = pLimit(8);
    const getTree = (treeSha, recursive) => limit(async () => {
        const { data } = await client.rest.git.getTree({ owner, repo, tree_sha: treeSha, ...(recursive ? { recursive: '1' } : {}) });
        const entries = data.tree.map((e) => ({ path: e.path ?? '', mode: e.mode ?? '', type: e.type ?? '', sha: e.sha ?? '' }));
        return { sha: data.sha, truncated: data.truncated, entries };
    });
    const fromTree = (twoTrees ? cmp.base_commit : cmp.merge_base_commit).commit.tree.sha;
    // tree_sha also takes a commit (or ref): GitHub peels it to its tree.
    const [a, b] = await Promise.all([getTree(fromTree, true), getTree(opts.head, true)]);
    if (!a.truncated && !b.truncated)
        return { files: diffTrees(a.entries, b.entries), maybeTruncated: false, via: 'trees' };
    opts.log?.('GitHub truncated a recursive tree: walking both trees level by level, into the subtrees that differ');
    const from = [];
    const to = [];
    const level = async (sha) => {
        if (sha === undefined)
            return [];
        const t = await getTree(sha, false);
        if (t.truncated)
            throw new TruncatedTree(`GitHub truncated tree ${sha} even without recursion`);
        return t.entries;
    };
    const walk = async (prefix, aSha, bSha) => {
        const [aEntries, bEntries] = await Promise.all([level(aSha), level(bSha)]);
        const byName = new Map();
        for (const e of aEntries)
            byName.set(e.path, { a: e });
        for (const e of bEntries)
            byName.set(e.path, { ...byName.get(e.path), b: e });
        const below = [];
        for (const [name, { a: ea, b: eb }] of byName) {
            if (ea && eb && ea.sha === eb.sha && ea.mode === eb.mode)
                continue;
            const path = prefix + name;
            const subA = ea?.type === 'tree' ? ea.sha : undefined;
            const subB = eb?.type === 'tree' ? eb.sha : undefined;
            if (subA !== undefined || subB !== undefined)
                below.push(walk(`${path}/`, subA, subB));
            if (ea && ea.type !== 'tree')
                from.push({ ...ea, path });
            if (eb && eb.type !== 'tree')
                to.push({ ...eb, path });
        }
        await Promise.all(below);
    };
    try {
        await walk('', a.sha, b.sha);
    }
    catch (err) {
        if (!(err instanceof TruncatedTree))
            throw err;
        if (twoTrees)
            throw new Error(`base is not an ancestor of head (${cmp.status}) and ${err.message}`, { cause: err });
        opts.log?.(`${err.message}: the diff is the compare API's first ${COMPARE_FILE_CAP} files`);
        return { ...fromCompareFiles(listed), maybeTruncated: true, via: 'compare-capped' };
    }
    return { files: diffTrees(from, to), maybeTruncated: false, via: 'tree-walk' };
}

;// CONCATENATED MODULE: ./src/io/lock.ts

/** The lock was found taken over while this run held it. */
class LockLostError extends Error {
    name = 'LockLost';
}
/** Another owner held the lock for longer than `waitMs`. */
class LockTimeoutError extends Error {
    key;
    owner;
    expiresAt;
    name = 'LockTimeout';
    constructor(key, owner, expiresAt, waitedMs) {
        super(`deploy lock ${key} is held by ${owner} until ${expiresAt}; gave up after waiting ${Math.round(waitedMs / 1000)} s`);
        this.key = key;
        this.owner = owner;
        this.expiresAt = expiresAt;
    }
}
/** First and largest pause between polls of a held lock. */
const LOCK_POLL_FIRST_MS = 2_000;
const LOCK_POLL_MAX_MS = 15_000;
function parseLock(body) {
    try {
        const v = JSON.parse(body);
        const owner = typeof v.owner === 'string' ? v.owner : '(unknown owner)';
        const expiresAt = typeof v.expiresAt === 'string' ? v.expiresAt : String(v.expiresAt);
        const ms = typeof v.expiresAt === 'number' ? v.expiresAt : typeof v.expiresAt === 'string' ? Date.parse(v.expiresAt) : NaN;
        return { owner, expiresAt, expiresAtMs: ms };
    }
    catch {
        return { owner: '(unreadable lock record)', expiresAt: '(unknown)', expiresAtMs: NaN };
    }
}
/** Whether a deploy lock is held at `now` (present and not expired): its deploy is still running. */
async function lockHeld(records, key, now) {
    const cur = await records.getText(key);
    return cur !== null && parseLock(cur.body).expiresAtMs > now;
}
/** The lock just taken (with ETag `etag`): renewed while held, and its release. */
function heldLock(records, key, opts, etag, state, body) {
    const { owner, log, ttlMs, clock } = opts;
    let released = false;
    let lost = null;
    let current = etag;
    let renewedAt = clock.now();
    let renewing = Promise.resolve();
    const renew = async () => {
        try {
            current = await records.putText(key, body(), { ifMatch: current });
            renewedAt = clock.now();
        }
        catch (err) {
            if ((0,s3_errors/* isPreconditionFailed */.W)(err))
                lost = `deploy lock ${key} was taken over by another run while this one held it`;
            else if (clock.now() - renewedAt >= ttlMs)
                lost = `deploy lock ${key} could not be renewed before it expired (${err.message})`;
            if (lost) {
                log(`${lost}: this run makes no further writes.`);
                stop();
            }
        }
    };
    const timer = setInterval(() => {
        if (!released && !lost)
            renewing = renewing.then(renew);
    }, Math.max(10, opts.renewMs ?? Math.floor(ttlMs / 3)));
    timer.unref();
    const stop = () => clearInterval(timer);
    return {
        ...state,
        assertHeld() {
            if (lost)
                throw new LockLostError(`${lost}; nothing more was written (the owed invalidation stays recorded for the next run)`);
        },
        async release() {
            if (released)
                return;
            released = true;
            stop();
            await renewing;
            if (lost)
                return;
            const cur = await records.getText(key);
            if (cur === null)
                return;
            const rec = parseLock(cur.body);
            if (rec.owner !== owner) {
                log(`Deploy lock ${key} is now held by ${rec.owner}; not releasing it.`);
                return;
            }
            if (cur.etag !== current)
                log(`Deploy lock ${key} was rewritten since it was taken, but is still ours; releasing it.`);
            // Only the version just read and found ours: where the server honours If-Match on a delete, a lock another run
            // took in between is never deleted (elsewhere the read above is the check).
            try {
                await records.deleteKey(key, { ifMatch: cur.etag });
            }
            catch (err) {
                if (!(0,s3_errors/* isPreconditionFailed */.W)(err))
                    throw err;
                log(`Deploy lock ${key} was taken by another run as it was released; left to it.`);
            }
        },
    };
}
/**
 * Take the deploy lock `key`, waiting (polling with backoff) up to `waitMs` while another owner holds it, taking
 * over a lock whose time is up. Throws LockTimeoutError when the wait runs out; other errors (access, network) as
 * they come.
 */
async function acquireLock(records, key, opts) {
    const { owner, ttlMs, waitMs, clock, log } = opts;
    const started = clock.now();
    const body = () => JSON.stringify({ owner, expiresAt: new Date(clock.now() + ttlMs).toISOString() });
    let supported = null;
    let waited = false;
    let pause = LOCK_POLL_FIRST_MS;
    let announced = '';
    const held = (etag) => heldLock(records, key, opts, etag, { waited, supported }, body);
    // A lock listed earlier that is still there: the create below must be refused, or the store ignores conditions.
    let existedJustBefore = false;
    if (opts.listedEtag)
        existedJustBefore = (await records.getText(key)) !== null;
    for (;;) {
        try {
            const etag = await records.putText(key, body(), { ifNoneMatch: '*' });
            if (existedJustBefore) {
                supported = false;
                log(`The bucket ignored If-None-Match when creating deploy lock ${key} over an existing one: ` +
                    'conditional writes are not supported, so the lock is advisory only.');
            }
            return held(etag);
        }
        catch (err) {
            if (!(0,s3_errors/* isPreconditionFailed */.W)(err))
                throw err;
            supported = true;
        }
        existedJustBefore = false;
        const cur = await records.getText(key);
        if (cur === null)
            continue; // released between the create and the read: create again
        const rec = parseLock(cur.body);
        const now = clock.now();
        const expired = !(rec.expiresAtMs > now);
        if (expired || rec.owner === owner) {
            // Take it over, only from the version just read: of two runs doing this at once, one wins.
            const why = rec.owner === owner ? 'left by this same owner' : `held by ${rec.owner}, expired at ${rec.expiresAt}`;
            try {
                const etag = await records.putText(key, body(), { ifMatch: cur.etag });
                log(`Took over deploy lock ${key} (${why}).`);
                return held(etag);
            }
            catch (err) {
                if (!(0,s3_errors/* isPreconditionFailed */.W)(err))
                    throw err;
                supported = true;
                continue; // someone else changed it first: look again
            }
        }
        const elapsed = now - started;
        if (elapsed >= waitMs)
            throw new LockTimeoutError(key, rec.owner, rec.expiresAt, elapsed);
        const note = `${rec.owner} until ${rec.expiresAt}`;
        if (note !== announced) {
            log(`Waiting for deploy lock ${key}, held by ${note} (waiting up to ${Math.round(waitMs / 1000)} s).`);
            announced = note;
        }
        waited = true;
        // Poll again after the pause, but no later than the wait's end or the lock's expiry.
        const wait = Math.max(1, Math.min(pause, waitMs - elapsed, rec.expiresAtMs - now + 1));
        await clock.sleep(wait);
        pause = Math.min(pause * 2, LOCK_POLL_MAX_MS);
    }
}

;// CONCATENATED MODULE: ./src/plan/diff-range.ts
// Which commits to diff, from the event. Pure.
const diff_range_ZERO = /^0+$/;
/**
 * `sha` is the commit this run builds (RunContext.headSha, not GITHUB_SHA: see event-commit.ts). `live` is the
 * commit of the live deploy (the ledger's, upload mode only): for an event that names no previous commit
 * (a tag push, release, schedule, workflow_run, repository_dispatch, ...) what changed since it is what is
 * stale.
 */
function diffRange(eventName, payload, sha, diffBase, live = null) {
    if (diffBase)
        return { base: diffBase, head: sha, source: 'diff-base input' };
    const none = noPreviousCommit(eventName, payload);
    if (eventName === 'push') {
        const before = typeof payload.before === 'string' ? payload.before : '';
        const after = typeof payload.after === 'string' && payload.after && !diff_range_ZERO.test(payload.after) ? payload.after : sha;
        if (before && !diff_range_ZERO.test(before))
            return { base: before, head: after, source: 'push before..after' };
    }
    else if (eventName === 'pull_request' || eventName === 'pull_request_target') {
        const pr = payload.pull_request;
        if (pr?.base?.sha)
            return { base: pr.base.sha, head: pr.head?.sha || sha, source: 'pull request base...head', fromMergeBase: true };
    }
    if (live && sha)
        return { base: live, head: sha, source: `the live deploy..this commit (${none})` };
    return { none: `${none}: no commit diff; set diff-base to diff against a commit` };
}
/** Why the event names no previous commit. */
function noPreviousCommit(eventName, payload) {
    if (eventName === 'push') {
        const ref = typeof payload.ref === 'string' ? payload.ref : '';
        if (ref.startsWith('refs/tags/'))
            return `push of tag ${ref.slice('refs/tags/'.length)} (a tag has no previous commit)`;
        const before = typeof payload.before === 'string' ? payload.before : '';
        if (!before || diff_range_ZERO.test(before)) {
            return `push creates ${ref.startsWith('refs/heads/') ? `branch ${ref.slice('refs/heads/'.length)}` : 'a new branch'} (no previous commit)`;
        }
        return 'push payload has no previous commit';
    }
    if (eventName === 'pull_request' || eventName === 'pull_request_target')
        return 'pull request payload has no base commit';
    return `the ${eventName || 'unknown'} event names no previous commit`;
}

// EXTERNAL MODULE: ./src/plan/gzip.ts
var gzip = __nccwpck_require__(6047);
;// CONCATENATED MODULE: ./src/stages/gather.ts
// gatherFacts: all the reading a run does (scan, listing, records, HEADs, commit diff, in-flight usage), and
// nothing else. Scan, listing and diff are independent, so they run at the same time.






















async function gatherFacts(config, run, ports) {
    const timings = {};
    const warnings = [];
    const warn = (m) => {
        warnings.push(m);
        ports.log.warning(m);
    };
    const facts = await phase(ports.log, 'Scan source-dir, list bucket, commit diff', timings, async () => {
        // allSettled: a failing listing must not leave the scan logging after the error.
        const listed = ports.store ? timed('list', timings, () => listBucket(config, ports.store, ports.log)) : null;
        const [scan, listing, diff] = await settleAll([
            config.upload ? timed('scan', timings, () => scanSource(config, ports.log, warn)) : null,
            listed,
            wantsDiff(config) ? timed('diff', timings, () => commitDiff(config, run, ports.log, warn, liveShaOf(listed))) : null,
        ]);
        return {
            run,
            now: ports.clock.now(),
            scan,
            remote: listing?.remote ?? [],
            ownKeys: listing?.ownKeys ?? [],
            state: listing?.state ?? null,
            ledgerEtag: listing?.ledgerEtag ?? null,
            records: listing?.records ?? recordsLayout(config.prefix, config.statePrefix, [], (0,external_node_crypto_.randomBytes)(16).toString('hex').slice(0, 24)),
            owed: [],
            headMd5: {},
            headHeaders: {},
            gzipped: {},
            multipartEtags: {},
            diff: diff ?? { files: null, source: 'none' },
            commitOrder: { order: 'none' },
            usage: {},
            warnings,
            timingsMs: timings,
        };
    });
    const scanned = { ...facts, gzipped: await gzipFacts(config, facts.scan) };
    const store = ports.store;
    const compared = scanned.scan && store ? await phase(ports.log, 'Compare', timings, () => readHeads(config, store, scanned, ports)) : {};
    const owed = ports.store
        ? await finishedOwed(config, facts, ports.store, ports, await readOwed(ports.store, owedDirs(config, facts), facts.ownKeys, config.bucket))
        : [];
    const commit = await liveCommitOrder(config, facts, warn, ports.log);
    const withRecords = { ...scanned, ...compared, owed, commitOrder: commit };
    return { ...withRecords, usage: await readUsages(config, withRecords, ports, warn) };
}
/** Whether this run's commit is older than the live deploy's (the ledger names it). */
async function liveCommitOrder(config, facts, warn, log) {
    const live = facts.state?.deploys?.[0]?.sha ?? null;
    const ours = facts.run.headSha;
    if (!config.upload || !live || !ours)
        return { order: 'none' };
    const api = { apiUrl: facts.run.apiUrl, repository: facts.run.repository, token: config.githubToken };
    const info = (m) => log?.info(m);
    const res = await commitOrder(config.workspace, ours, live, api, info);
    if (res.order === 'older' || res.order === 'unknown') {
        // A force push that discarded the live commit (its previous tip is, or descends from, it) deploys.
        const before = facts.run.forced ? pushedOver(facts.run.eventName, facts.run.payload) : null;
        const over = before ? (before === live ? 'same' : (await commitOrder(config.workspace, before, live, api, info)).order) : null;
        if (over === 'same' || over === 'newer') {
            log?.info(`Force push from ${before.slice(0, 12)}: it discarded the live deploy ${live.slice(0, 12)}; deploying ${ours.slice(0, 12)}`);
            return { ...res, forcePushOverLive: true };
        }
    }
    if (res.order === 'unknown' && config.allowOlder) {
        warn(`Could not tell whether ${ours.slice(0, 12)} is newer than the live deploy ${live.slice(0, 12)} (${res.note ?? 'no history'}): deploying anyway (allow-older)`);
    }
    return res;
}
/** The live deploy's commit, once the listing has read the ledger (null without a bucket or a ledger). */
function liveShaOf(listed) {
    return async () => (listed ? ((await listed)?.state?.deploys?.[0]?.sha ?? null) : null);
}
const wantsDiff = (config) => config.distributions.length > 0 && (config.invalidate === 'changed' || config.invalidate === 'defer') && !config.removePrefix;
/**
 * A deploy reads the owed records of its own prefix; a job without uploads (the consolidating job after a
 * sharded deploy, a manual invalidation) collects every one its listing shows, whatever prefix left it.
 */
function owedDirs(config, facts) {
    const own = [facts.records.dir, ...facts.records.oldDirs];
    return config.upload ? own : [...new Set([...own, ...recordDirsOf(facts.ownKeys)])];
}
/**
 * Of the owed records read, the ones this run may consume. Its own prefix's records are its own (its lock serialises
 * them). A record another prefix's deploy left is taken only once that deploy is finished: never while its deploy
 * lock is held (read after the listing, so a deploy that wrote the record is either still holding it or done), and a
 * deferred one only once its shard marked it complete. The others are left for a later run.
 */
async function finishedOwed(config, facts, store, ports, owed) {
    const own = new Set([facts.records.dir, ...facts.records.oldDirs]);
    const held = new Map();
    const out = [];
    const left = [];
    for (const r of owed) {
        const dir = recordsDirOfOwed(r.key);
        if (own.has(dir)) {
            out.push(r);
            continue;
        }
        let running = false;
        for (const lockKey of lockKeysOfRecordsDir(dir, config.statePrefix)) {
            if (!held.has(lockKey))
                held.set(lockKey, lockHeld(store, lockKey, ports.clock.now()));
            running ||= await held.get(lockKey);
        }
        const unfinished = r.deferred === true && r.stage !== 'complete';
        if (running || unfinished)
            left.push(`${r.distributionId} (${r.note ?? 'an earlier run'}: ${running ? 'its deploy is still running' : 'its shard has not finished'})`);
        else
            out.push(r);
    }
    if (left.length > 0)
        ports.log.info(`Left ${left.length} owed record(s) for a later run: ${left.slice(0, 10).join('; ')}`);
    return out;
}
async function settleAll(work) {
    const settled = await Promise.allSettled(work);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((r) => r.value);
}
async function scanSource(config, log, warn) {
    const started = Date.now();
    let last = started;
    const w = await (0,files/* walkSource */.jH)(config.sourceDir, {
        filter: makeFileFilter(config.include, config.exclude),
        manifestGlobs: MANIFEST_GLOBS,
        onProgress: (n) => {
            if (Date.now() - last < 5000)
                return;
            last = Date.now();
            log.info(`hashed ${n} files (${Math.round((n * 1000) / (last - started))} files/s)`);
        },
    }).catch((err) => {
        if (err.code === 'ENOENT')
            throw new DeployError(`source-dir '${config.sourceDir}' does not exist. Did the build step run and write there?`);
        throw err;
    });
    for (const m of w.warnings)
        warn(m);
    log.info(`source-dir: ${w.files.length} files to deploy, ${w.skipped.length} skipped`);
    if (w.files.length === 0) {
        throw new DeployError(`source-dir '${config.sourceDir}' has no files to deploy${config.deleteRemoved ? ': refusing to run with delete-removed, which would empty the bucket' : ''}. Nothing was uploaded or deleted.`);
    }
    return w;
}
/**
 * One listing of the prefix (and of the records folder when state-prefix puts it elsewhere); the action's own
 * keys (ledger, owed records) are set apart from the site's.
 */
async function listBucket(config, store, log) {
    const remote = [];
    const ownKeys = [];
    const outside = config.statePrefix !== '' && config.prefix !== '' ? await store.list(config.statePrefix + config.prefix) : [];
    for (const o of [...(await store.list(config.prefix)), ...outside]) {
        if (isOwnKey(o.key, config.prefix, config.statePrefix))
            ownKeys.push(o.key);
        else
            remote.push(o);
    }
    log.info(`bucket: ${remote.length} objects under s3://${config.bucket}/${config.prefix}`);
    const records = recordsLayout(config.prefix, config.statePrefix, ownKeys, (0,external_node_crypto_.randomBytes)(16).toString('hex').slice(0, 24));
    // The ledger: content MD5 and headers hash of objects whose ETag has not changed since, and what was learned.
    // Its ETag in the folder this run writes is the witness checked again under the lock (null: none there).
    let state = null;
    let ledgerEtag = null;
    if (config.upload) {
        for (const dir of [records.dir, ...records.oldDirs]) {
            const read = await readState(store, dir, ownKeys.includes(stateKeyIn(dir)), config.bucket);
            if (!read)
                continue;
            state = read.state;
            if (dir === records.dir)
                ledgerEtag = read.etag;
            break;
        }
    }
    return { remote, ownKeys, state, ledgerEtag, records };
}
/**
 * One HEAD (bounded concurrency) for each object the listing and the ledger cannot settle: same size but an
 * ETag that is not the file's MD5 (multipart, SSE-KMS, another tool): the MD5 in its metadata, else for a
 * multipart ETag the file hashed in the action's part size; and an object whose content matches but whose
 * headers the ledger does not know (a bucket another tool wrote): its headers, so they are set right once.
 */
async function readHeads(config, store, facts, ports) {
    if (!config.upload)
        return {};
    const { sourceDir } = config;
    // What to compare only (no fingerprinting or headers needed to know which objects to HEAD).
    const local = deployedFiles(config, facts);
    const remote = remoteStates(facts.remote, facts.state, facts.headMd5, facts.headHeaders);
    const unknown = local.flatMap((f) => {
        const o = remote.get(config.prefix + f.path);
        if (o === undefined || o.headersHash !== undefined)
            return [];
        const sameBytes = o.etag.toLowerCase() === f.md5 || o.storedMd5 === f.md5;
        return (o.storedMd5 === undefined && needsHead(f, o)) || sameBytes ? [{ f, o }] : [];
    });
    const headMd5 = {};
    const headHeaders = {};
    const multipartEtags = {};
    await (0,p_map/* default */.Ay)(unknown, async ({ f, o }) => {
        const head = await store.head(o.key);
        if (!head)
            return;
        headHeaders[o.key] = head.headers;
        if (head.md5)
            headMd5[o.key] = head.md5;
        else if (/-\d+$/.test(o.etag) && !f.gzip) {
            const h = await (0,files/* hashFile */.DC)((0,files/* absPathOf */.tE)(sourceDir, f.source ?? f.path), ports.partSize);
            if (h.multipartEtag)
                multipartEtags[f.path] = h.multipartEtag;
        }
    }, { concurrency: config.concurrency });
    if (unknown.length > 0)
        ports.log.info(`${unknown.length} object(s) the ledger does not describe: read with HEAD (once; then recorded)`);
    return { headMd5, headHeaders, multipartEtags };
}
/** Size and MD5 of the deterministic gzip of each file the `gzip` input names (the bytes that are uploaded). */
async function gzipFacts(config, scan) {
    const sourceDir = config.sourceDir;
    if (!scan || sourceDir === null)
        return {};
    const matches = gzipMatcher(config);
    const out = {};
    await (0,p_map/* default */.Ay)(scan.files.filter((f) => matches(f.path)), async (f) => {
        const gz = (0,gzip/* gzipDeterministic */.R)(await (0,promises_.readFile)((0,files/* absPathOf */.tE)(sourceDir, f.path)));
        out[f.path] = { size: gz.length, md5: (0,external_node_crypto_.createHash)('md5').update(gz).digest('hex') };
    }, { concurrency: config.concurrency });
    return out;
}
async function commitDiff(config, ctx, log, warn, liveSha = async () => null) {
    // An event that names no previous commit (a tag, workflow_run, ...): the live deploy's commit, when known.
    const needsLive = !config.diffBase && 'none' in diffRange(ctx.eventName, ctx.payload, ctx.headSha, null);
    const range = diffRange(ctx.eventName, ctx.payload, ctx.headSha, config.diffBase, needsLive ? await liveSha() : null);
    if ('none' in range) {
        log.info(range.none);
        // Invalidate-only mode has nothing else to go on: missing-diff decides (warn, or /*).
        return { files: null, source: 'none', note: range.none, ...(config.upload ? {} : { incomplete: true }) };
    }
    const label = `${range.source} (${range.base.slice(0, 12)}..${range.head.slice(0, 12)})`;
    try {
        const files = await localDiff(config.workspace, range.base, range.head, (m) => log.info(m), range.fromMergeBase);
        log.info(`${files.length} files changed in ${label}`);
        return { files, source: `git ${label}` };
    }
    catch (gitErr) {
        log.info(`Local git diff failed (${String(gitErr.message).split('\n')[0]}); trying the GitHub compare API`);
    }
    try {
        const res = await compareDiff({
            apiUrl: ctx.apiUrl,
            repository: ctx.repository,
            token: config.githubToken,
            base: range.base,
            head: range.head,
            ...(range.fromMergeBase ? { fromMergeBase: true } : {}),
            log: (m) => log.info(m),
        });
        log.info(`${res.files.length} files changed in ${label} (GitHub API: ${res.via})`);
        if (res.maybeTruncated) {
            warn(`The GitHub compare API returned 300 files (its cap) and the trees could not be read whole: the commit diff may be incomplete; relying on the sync result for the rest`);
        }
        return {
            files: res.files,
            source: `GitHub API (${res.via}) ${label}`,
            ...(res.maybeTruncated ? { note: 'maybe truncated at 300 files', incomplete: true } : {}),
        };
    }
    catch (apiErr) {
        const why = apiErr.message;
        warn(`No commit diff (${why}); stale paths come from the sync result${config.upload ? '' : ' and the paths input only'}`);
        return { files: null, source: 'unavailable', note: why, incomplete: true };
    }
}
/** What is in flight limits the wildcards a batch may use; this month's paths tell the cost. Read only where something is stale. */
async function readUsages(config, facts, ports, warn) {
    const usage = {};
    if (config.distributions.length === 0)
        return usage; // no CDN: no need to plan the files once more
    const stale = staleByDistribution(config, facts);
    const ids = config.distributions.filter((d) => (stale.get(d.id)?.stale.length ?? 0) > 0).map((d) => d.id);
    if (ids.length === 0)
        return usage;
    const cdn = ports.cdn();
    await Promise.all(ids.map(async (id) => {
        try {
            usage[id] = await readUsage(cdn, id, new Date(ports.clock.now()));
            const u = usage[id];
            if (u.inFlightWildcards > 0)
                ports.log.info(`${id}: ${u.inFlightWildcards} wildcard and ${u.inFlightPaths} file paths already in flight`);
        }
        catch (err) {
            usage[id] = null;
            warn(`Could not read the invalidations of ${id} (${err.name}): planning with CloudFront's full in-flight ` +
                `limits and no monthly usage. Grant cloudfront:ListInvalidations and cloudfront:GetInvalidation to see them.`);
        }
    }));
    return usage;
}

;// CONCATENATED MODULE: ./src/stages/lock.ts
// One deploy at a time per bucket and prefix: a lock in the action's records, taken with a conditional
// write only when the plan writes to the bucket (a no-op run writes nothing, not even a lock).



/**
 * The lock's lifetime. A live run renews it every third of this (so it never expires under a run that is still
 * writing, however long its uploads take); a crashed run's lock is free again within this. A run releases it as soon
 * as its last write is done, before it waits for the invalidation to complete.
 */
const LOCK_TTL_MS = 10 * 60_000;
/**
 * How long a run waits for another one on the same bucket and prefix: three lifetimes, so a crashed holder's lock
 * always expires within a waiter's wait, with room for a live holder's writes.
 */
const LOCK_WAIT_MS = 3 * LOCK_TTL_MS;
/**
 * Whether the run writes to the bucket: uploads, deletes, the ledger, or owed records (an invalidation is
 * guarded by one). Two consolidating jobs must not both send the same owed records: they take the lock too.
 */
function writesToBucket(config, plan) {
    if (config.dryRun || config.bucket === null)
        return false;
    const uploads = plan.uploadWaves.some((w) => w.length > 0);
    const invalidates = plan.invalidations.some((p) => p.paths.length > 0);
    return uploads || plan.deletes.length > 0 || plan.lateDeletes.length > 0 || plan.writeState || invalidates;
}
async function lockBucket(config, facts, ports) {
    const store = ports.store;
    if (!store)
        return null;
    const { repository, runId, runAttempt, sha } = facts.run;
    const job = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    const opts = {
        // Unique per job: the jobs of one matrix share the run id and attempt, and each must hold (and release) its own.
        owner: `${repository} run ${runId} attempt ${runAttempt}${sha ? ` (${sha.slice(0, 12)})` : ''} job ${job}`,
        ttlMs: LOCK_TTL_MS,
        waitMs: LOCK_WAIT_MS,
        clock: ports.clock,
        log: (m) => ports.log.info(m),
    };
    const bootstrapKey = bootstrapLockKey(config.prefix, config.statePrefix);
    if (bootstrapKey === null)
        return warnUnsupported(config, ports.log, await takeIn(store, lockKeyIn(facts.records.dir), facts, opts));
    // The bootstrap name is public (it sits in the served prefix): it names no repository, run or commit.
    const boot = await acquireLock(store, bootstrapKey, {
        ...opts,
        owner: `a deploy (job ${job})`,
        listedEtag: listedEtagOf(facts, bootstrapKey),
    });
    let lock;
    try {
        // The folder runs use: the first hidden one this prefix holds now, else the one this run makes.
        const dir = hiddenDirsIn(config.prefix, (await store.list(config.prefix + '.s3cfd-')).map((o) => o.key))[0] ?? facts.records.dir;
        lock = await takeIn(store, lockKeyIn(dir), facts, opts);
    }
    catch (err) {
        await boot.release().catch(() => { });
        throw err;
    }
    try {
        await boot.release();
    }
    catch (err) {
        await lock.release().catch(() => { });
        throw err;
    }
    return warnUnsupported(config, ports.log, { ...lock, waited: lock.waited || boot.waited, supported: lock.supported ?? boot.supported });
}
function takeIn(store, key, facts, opts) {
    return acquireLock(store, key, { ...opts, listedEtag: listedEtagOf(facts, key) });
}
const listedEtagOf = (facts, key) => (facts.ownKeys.includes(key) ? 'listed' : null);
function warnUnsupported(config, log, lock) {
    if (lock.supported === false) {
        log.warning(`The S3 server ignored a conditional write (If-None-Match), so two deploys of s3://${config.bucket}/${config.prefix} at once cannot be kept apart here; ` +
            `serialise them with a workflow concurrency group.`);
    }
    return lock;
}
/**
 * Whether the ledger moved since the facts were read: another deploy of this bucket and prefix wrote it (or made the
 * records folder) between this run's reading and its taking the lock. Then everything decided from what was read
 * is re-gathered and re-planned under the lock. One small listing (or HEAD under state-prefix).
 */
async function ledgerMoved(config, facts, store) {
    if (!store || !config.upload)
        return false;
    const before = facts.ledgerEtag ?? null;
    if (config.statePrefix !== '')
        return (await store.etagOf(stateKeyIn(facts.records.dir))) !== before;
    // Only the records folders directly in this prefix: `.s3cfd-<random>/` (the legacy folder is never written anew).
    const listed = await store.list(config.prefix + '.s3cfd-');
    const now = recordsLayout(config.prefix, config.statePrefix, listed.map((o) => o.key).filter((k) => isOwnKey(k, config.prefix, config.statePrefix)), 'not-made-yet-0000000000');
    const hidden = (dir) => dir !== config.prefix + LEGACY_DIR;
    // A folder made meanwhile by another first deploy: this run must write there, not into a second one.
    if (hidden(now.dir) && now.dir !== facts.records.dir && !now.dir.includes('not-made-yet'))
        return true;
    const ledger = listed.find((o) => o.key === stateKeyIn(facts.records.dir));
    return (ledger?.etag ?? null) !== before;
}

;// CONCATENATED MODULE: ./src/main.ts
// run(): the action as its stages.
//   parseInputs -> gatherFacts -> planDeploy -> (dry run: report) -> execute -> buildReport -> publish














/** The action. Never throws: failures become setFailed with one clear message. */
async function main_run(overrides = {}) {
    const given = { ...defaultDeps(overrides.env ?? process.env), ...overrides };
    // Nothing the run logs may hold the records folder's unguessable name (see hideRecordsDir).
    const deps = { ...given, log: hidingRecordsDir(given.log) };
    const config = await loadConfig(deps);
    if (!config)
        return;
    try {
        const ports = portsFor(config, deps);
        let facts = await gatherFacts(config, readContext(deps.env), ports);
        let plan = refuseOrGo(planDeploy(config, facts));
        const lock = writesToBucket(config, plan) ? await lockBucket(config, facts, ports) : null;
        try {
            // Another deploy ran meanwhile (this run waited for it, or it came and went while this run was reading): what
            // it wrote is part of the facts now, and the plan is made again from them before anything is written.
            if (lock && (lock.waited || (await ledgerMoved(config, facts, ports.store)))) {
                deps.log.info('Another deploy of this bucket and prefix ran while this run was reading: reading again under the lock.');
                plan = refuseOrGo(planDeploy(config, (facts = await gatherFacts(config, facts.run, ports))));
            }
            logPlan(config, facts, plan, deps);
            const outcome = config.dryRun
                ? null
                : await execute(config, facts, plan, {
                    ...ports,
                    // Only the holder writes; the lock is let go once the last write is done (waiting needs no lock).
                    ...(lock ? { assertHeld: () => lock.assertHeld(), writesDone: () => lock.release() } : {}),
                });
            await publish(config, buildReport(config, facts, plan, outcome), deps.env, facts.run, deps.log);
            const failure = outcome?.error ?? timeoutFailure(config, outcome?.timedOut ?? []);
            if (failure)
                setFailed(failure);
        }
        finally {
            await lock?.release();
        }
    }
    catch (err) {
        setFailed(describeError(err));
    }
}
function hidingRecordsDir(log) {
    const hide = (write) => (m) => write(hideRecordsDir(m));
    return {
        info: hide((m) => log.info(m)),
        debug: hide((m) => log.debug(m)),
        notice: hide((m) => log.notice(m)),
        warning: hide((m) => log.warning(m)),
        group: (name, fn) => log.group(hideRecordsDir(name), fn),
        get debugging() {
            return log.debugging;
        },
    };
}
/** Every input, checked before the first AWS call; a bad one fails the step with one line naming it. */
async function loadConfig(deps) {
    try {
        const config = parseInputs(deps.getInput, deps.env);
        if (config.githubToken)
            setSecret(config.githubToken);
        const reportProblem = await checkReportPath(config.reportPath);
        if (reportProblem)
            throw new InputError('report-path', reportProblem);
        return config;
    }
    catch (err) {
        setFailed(err instanceof InputError ? err.message : String(err));
        return null;
    }
}
/** A plan that must not run (over max-deletes, an older commit) stops here, before any write. */
function refuseOrGo(plan) {
    if (plan.refusal)
        throw new Error(plan.refusal);
    return plan;
}
function timeoutFailure(config, timedOut) {
    if (timedOut.length === 0)
        return null;
    return `wait-timeout (${config.waitTimeoutSeconds} s) reached; still in progress: ${timedOut.join(', ')}`;
}
/** The plan in the log, before any write (the report itself is built once, after the run). */
function logPlan(config, facts, plan, deps) {
    const log = deps.log;
    for (const a of plan.annotations)
        log[a.level](a.message);
    for (const w of plan.warnings)
        log.warning(w);
    for (const p of plan.invalidations)
        log.info(`Invalidation plan for ${p.distributionId}: ${p.reason}`);
    const t = totalsOf(facts, plan);
    log.info(`Plan: upload ${t.uploaded} (${thousands(t.uploadedBytes)} bytes), unchanged ${t.unchanged}, delete ${t.deleted}, skipped ${t.skipped}`);
    if (log.debugging) {
        for (const e of plan.sync)
            if (e.action !== 'unchanged')
                log.debug(`${e.action} ${e.path}: ${e.reason}`);
        for (const w of plan.waiting)
            log.debug(`pending-delete ${w.path}: ${keptReason(new Date(w.dueAt).toISOString())}`);
        for (const s of facts.scan?.skipped ?? [])
            log.debug(`skip ${s.path}: ${s.reason}`);
    }
    for (const i of plan.invalidations) {
        const shown = i.paths.length ? ': ' + i.paths.slice(0, 20).join(' ') : '';
        log.info(`Invalidate ${i.distributionId}: ${i.paths.length} paths${shown}${i.paths.length > 20 ? ' ...' : ''}`);
    }
    if (config.dryRun)
        log.notice('Dry run: nothing was written to S3 or CloudFront. The plan above is what a real run would do.');
}


/***/ }),

/***/ 6681:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ hasHiddenSegment),
/* harmony export */   s: () => (/* binding */ isHiddenSegment)
/* harmony export */ });
// Plain data shared by the pure planner (src/plan), the stages and the I/O adapters (src/io): the bottom
// layer, importing nothing outside src/model. Nothing here touches AWS, the filesystem or process.env.
/**
 * A hidden segment: starts with '.', except `.well-known` (RFC 8615: ACME, apple-app-site-association...).
 * The one rule for "hidden": the walker, the file filter and the delete guard all use it.
 */
function isHiddenSegment(segment) {
    return segment.startsWith('.') && segment !== '.well-known';
}
function hasHiddenSegment(relPath) {
    return relPath.split('/').some(isHiddenSegment);
}


/***/ }),

/***/ 6047:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ gzipDeterministic)
/* harmony export */ });
/* unused harmony export GZIP_OS_UNIX */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
// Deterministic gzip for the `gzip` input: same bytes in, same bytes out. Pure (a data transformation).

/** The OS byte written into every member: 3 (Unix), whatever platform zlib was built for (Windows zlib says 10). */
const GZIP_OS_UNIX = 3;
/**
 * Gzip `buf` at level 9 with no modification time (0), no file name or comment, and a fixed OS byte, so one
 * input always gives byte-identical output on a given zlib build. The deflate stream itself is only as stable
 * as the bundled zlib: another Node release may ship a zlib that compresses differently, so never decide
 * "unchanged" by comparing gzip output from different runs; compare the source bytes' MD5 and the headers.
 */
function gzipDeterministic(buf) {
    const out = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gzipSync)(buf, {
        level: 9,
        memLevel: 8,
        windowBits: 15,
        strategy: node_zlib__WEBPACK_IMPORTED_MODULE_0__.constants.Z_DEFAULT_STRATEGY,
    });
    // RFC 1952 header: ID1 ID2 CM FLG MTIME(4) XFL OS. zlib writes FLG = 0 and MTIME = 0 for gzipSync; pin them
    // anyway, and the OS byte, which zlib takes from the platform it was compiled for. None is covered by the
    // trailer's CRC-32 (that is of the uncompressed data).
    if (out[3] !== 0)
        throw new Error(`gzip: unexpected header flags ${out[3]}`);
    out.writeUInt32LE(0, 4);
    out[9] = GZIP_OS_UNIX;
    return out;
}


/***/ }),

/***/ 8120:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  m4: () => (/* binding */ entryDocumentMatcher),
  $O: () => (/* binding */ headerRules),
  RK: () => (/* reexport */ headersDiffer),
  z_: () => (/* reexport */ headersFromHead),
  f3: () => (/* binding */ headersHash),
  Iy: () => (/* reexport */ invalidationNeededForHeaderChange),
  aA: () => (/* reexport */ parseHeaderRules),
  v6: () => (/* reexport */ readingHash)
});

// UNUSED EXPORTS: ACTION_META_PREFIX, IMMUTABLE, MUTABLE, contentTypeFor, isEntryDocument

;// CONCATENATED MODULE: ./node_modules/mime/dist/types/other.js
const types = {
    'application/prs.cww': ['cww'],
    'application/prs.xsf+xml': ['xsf'],
    'application/vnd.1000minds.decision-model+xml': ['1km'],
    'application/vnd.3gpp.pic-bw-large': ['plb'],
    'application/vnd.3gpp.pic-bw-small': ['psb'],
    'application/vnd.3gpp.pic-bw-var': ['pvb'],
    'application/vnd.3gpp2.tcap': ['tcap'],
    'application/vnd.3m.post-it-notes': ['pwn'],
    'application/vnd.accpac.simply.aso': ['aso'],
    'application/vnd.accpac.simply.imp': ['imp'],
    'application/vnd.acucobol': ['acu'],
    'application/vnd.acucorp': ['atc', 'acutc'],
    'application/vnd.adobe.air-application-installer-package+zip': ['air'],
    'application/vnd.adobe.formscentral.fcdt': ['fcdt'],
    'application/vnd.adobe.fxp': ['fxp', 'fxpl'],
    'application/vnd.adobe.xdp+xml': ['xdp'],
    'application/vnd.adobe.xfdf': ['*xfdf'],
    'application/vnd.age': ['age'],
    'application/vnd.ahead.space': ['ahead'],
    'application/vnd.airzip.filesecure.azf': ['azf'],
    'application/vnd.airzip.filesecure.azs': ['azs'],
    'application/vnd.amazon.ebook': ['azw'],
    'application/vnd.americandynamics.acc': ['acc'],
    'application/vnd.amiga.ami': ['ami'],
    'application/vnd.android.package-archive': ['apk'],
    'application/vnd.anser-web-certificate-issue-initiation': ['cii'],
    'application/vnd.anser-web-funds-transfer-initiation': ['fti'],
    'application/vnd.antix.game-component': ['atx'],
    'application/vnd.apple.installer+xml': ['mpkg'],
    'application/vnd.apple.keynote': ['key'],
    'application/vnd.apple.mpegurl': ['m3u8'],
    'application/vnd.apple.numbers': ['numbers'],
    'application/vnd.apple.pages': ['pages'],
    'application/vnd.apple.pkpass': ['pkpass'],
    'application/vnd.aristanetworks.swi': ['swi'],
    'application/vnd.astraea-software.iota': ['iota'],
    'application/vnd.audiograph': ['aep'],
    'application/vnd.autodesk.fbx': ['fbx'],
    'application/vnd.balsamiq.bmml+xml': ['bmml'],
    'application/vnd.blueice.multipass': ['mpm'],
    'application/vnd.bmi': ['bmi'],
    'application/vnd.businessobjects': ['rep'],
    'application/vnd.chemdraw+xml': ['cdxml'],
    'application/vnd.chipnuts.karaoke-mmd': ['mmd'],
    'application/vnd.cinderella': ['cdy'],
    'application/vnd.citationstyles.style+xml': ['csl'],
    'application/vnd.claymore': ['cla'],
    'application/vnd.cloanto.rp9': ['rp9'],
    'application/vnd.clonk.c4group': ['c4g', 'c4d', 'c4f', 'c4p', 'c4u'],
    'application/vnd.cluetrust.cartomobile-config': ['c11amc'],
    'application/vnd.cluetrust.cartomobile-config-pkg': ['c11amz'],
    'application/vnd.commonspace': ['csp'],
    'application/vnd.contact.cmsg': ['cdbcmsg'],
    'application/vnd.cosmocaller': ['cmc'],
    'application/vnd.crick.clicker': ['clkx'],
    'application/vnd.crick.clicker.keyboard': ['clkk'],
    'application/vnd.crick.clicker.palette': ['clkp'],
    'application/vnd.crick.clicker.template': ['clkt'],
    'application/vnd.crick.clicker.wordbank': ['clkw'],
    'application/vnd.criticaltools.wbs+xml': ['wbs'],
    'application/vnd.ctc-posml': ['pml'],
    'application/vnd.cups-ppd': ['ppd'],
    'application/vnd.curl.car': ['car'],
    'application/vnd.curl.pcurl': ['pcurl'],
    'application/vnd.dart': ['dart'],
    'application/vnd.data-vision.rdz': ['rdz'],
    'application/vnd.dbf': ['dbf'],
    'application/vnd.dcmp+xml': ['dcmp'],
    'application/vnd.dece.data': ['uvf', 'uvvf', 'uvd', 'uvvd'],
    'application/vnd.dece.ttml+xml': ['uvt', 'uvvt'],
    'application/vnd.dece.unspecified': ['uvx', 'uvvx'],
    'application/vnd.dece.zip': ['uvz', 'uvvz'],
    'application/vnd.denovo.fcselayout-link': ['fe_launch'],
    'application/vnd.dna': ['dna'],
    'application/vnd.dolby.mlp': ['mlp'],
    'application/vnd.dpgraph': ['dpg'],
    'application/vnd.dreamfactory': ['dfac'],
    'application/vnd.ds-keypoint': ['kpxx'],
    'application/vnd.dvb.ait': ['ait'],
    'application/vnd.dvb.service': ['svc'],
    'application/vnd.dynageo': ['geo'],
    'application/vnd.ecowin.chart': ['mag'],
    'application/vnd.enliven': ['nml'],
    'application/vnd.epson.esf': ['esf'],
    'application/vnd.epson.msf': ['msf'],
    'application/vnd.epson.quickanime': ['qam'],
    'application/vnd.epson.salt': ['slt'],
    'application/vnd.epson.ssf': ['ssf'],
    'application/vnd.eszigno3+xml': ['es3', 'et3'],
    'application/vnd.ezpix-album': ['ez2'],
    'application/vnd.ezpix-package': ['ez3'],
    'application/vnd.fdf': ['*fdf'],
    'application/vnd.fdsn.mseed': ['mseed'],
    'application/vnd.fdsn.seed': ['seed', 'dataless'],
    'application/vnd.flographit': ['gph'],
    'application/vnd.fluxtime.clip': ['ftc'],
    'application/vnd.framemaker': ['fm', 'frame', 'maker', 'book'],
    'application/vnd.frogans.fnc': ['fnc'],
    'application/vnd.frogans.ltf': ['ltf'],
    'application/vnd.fsc.weblaunch': ['fsc'],
    'application/vnd.fujitsu.oasys': ['oas'],
    'application/vnd.fujitsu.oasys2': ['oa2'],
    'application/vnd.fujitsu.oasys3': ['oa3'],
    'application/vnd.fujitsu.oasysgp': ['fg5'],
    'application/vnd.fujitsu.oasysprs': ['bh2'],
    'application/vnd.fujixerox.ddd': ['ddd'],
    'application/vnd.fujixerox.docuworks': ['xdw'],
    'application/vnd.fujixerox.docuworks.binder': ['xbd'],
    'application/vnd.fuzzysheet': ['fzs'],
    'application/vnd.genomatix.tuxedo': ['txd'],
    'application/vnd.geogebra.file': ['ggb'],
    'application/vnd.geogebra.slides': ['ggs'],
    'application/vnd.geogebra.tool': ['ggt'],
    'application/vnd.geometry-explorer': ['gex', 'gre'],
    'application/vnd.geonext': ['gxt'],
    'application/vnd.geoplan': ['g2w'],
    'application/vnd.geospace': ['g3w'],
    'application/vnd.gmx': ['gmx'],
    'application/vnd.google-apps.document': ['gdoc'],
    'application/vnd.google-apps.drawing': ['gdraw'],
    'application/vnd.google-apps.form': ['gform'],
    'application/vnd.google-apps.jam': ['gjam'],
    'application/vnd.google-apps.map': ['gmap'],
    'application/vnd.google-apps.presentation': ['gslides'],
    'application/vnd.google-apps.script': ['gscript'],
    'application/vnd.google-apps.site': ['gsite'],
    'application/vnd.google-apps.spreadsheet': ['gsheet'],
    'application/vnd.google-earth.kml+xml': ['kml'],
    'application/vnd.google-earth.kmz': ['kmz'],
    'application/vnd.gov.sk.xmldatacontainer+xml': ['xdcf'],
    'application/vnd.grafeq': ['gqf', 'gqs'],
    'application/vnd.groove-account': ['gac'],
    'application/vnd.groove-help': ['ghf'],
    'application/vnd.groove-identity-message': ['gim'],
    'application/vnd.groove-injector': ['grv'],
    'application/vnd.groove-tool-message': ['gtm'],
    'application/vnd.groove-tool-template': ['tpl'],
    'application/vnd.groove-vcard': ['vcg'],
    'application/vnd.hal+xml': ['hal'],
    'application/vnd.handheld-entertainment+xml': ['zmm'],
    'application/vnd.hbci': ['hbci'],
    'application/vnd.hhe.lesson-player': ['les'],
    'application/vnd.hp-hpgl': ['hpgl'],
    'application/vnd.hp-hpid': ['hpid'],
    'application/vnd.hp-hps': ['hps'],
    'application/vnd.hp-jlyt': ['jlt'],
    'application/vnd.hp-pcl': ['pcl'],
    'application/vnd.hp-pclxl': ['pclxl'],
    'application/vnd.hydrostatix.sof-data': ['sfd-hdstx'],
    'application/vnd.ibm.minipay': ['mpy'],
    'application/vnd.ibm.modcap': ['afp', 'listafp', 'list3820'],
    'application/vnd.ibm.rights-management': ['irm'],
    'application/vnd.ibm.secure-container': ['sc'],
    'application/vnd.iccprofile': ['icc', 'icm'],
    'application/vnd.igloader': ['igl'],
    'application/vnd.immervision-ivp': ['ivp'],
    'application/vnd.immervision-ivu': ['ivu'],
    'application/vnd.insors.igm': ['igm'],
    'application/vnd.intercon.formnet': ['xpw', 'xpx'],
    'application/vnd.intergeo': ['i2g'],
    'application/vnd.intu.qbo': ['qbo'],
    'application/vnd.intu.qfx': ['qfx'],
    'application/vnd.ipunplugged.rcprofile': ['rcprofile'],
    'application/vnd.irepository.package+xml': ['irp'],
    'application/vnd.is-xpr': ['xpr'],
    'application/vnd.isac.fcs': ['fcs'],
    'application/vnd.jam': ['jam'],
    'application/vnd.jcp.javame.midlet-rms': ['rms'],
    'application/vnd.jisp': ['jisp'],
    'application/vnd.joost.joda-archive': ['joda'],
    'application/vnd.kahootz': ['ktz', 'ktr'],
    'application/vnd.kde.karbon': ['karbon'],
    'application/vnd.kde.kchart': ['chrt'],
    'application/vnd.kde.kformula': ['kfo'],
    'application/vnd.kde.kivio': ['flw'],
    'application/vnd.kde.kontour': ['kon'],
    'application/vnd.kde.kpresenter': ['kpr', 'kpt'],
    'application/vnd.kde.kspread': ['ksp'],
    'application/vnd.kde.kword': ['kwd', 'kwt'],
    'application/vnd.kenameaapp': ['htke'],
    'application/vnd.kidspiration': ['kia'],
    'application/vnd.kinar': ['kne', 'knp'],
    'application/vnd.koan': ['skp', 'skd', 'skt', 'skm'],
    'application/vnd.kodak-descriptor': ['sse'],
    'application/vnd.las.las+xml': ['lasxml'],
    'application/vnd.llamagraphics.life-balance.desktop': ['lbd'],
    'application/vnd.llamagraphics.life-balance.exchange+xml': ['lbe'],
    'application/vnd.lotus-1-2-3': ['123'],
    'application/vnd.lotus-approach': ['apr'],
    'application/vnd.lotus-freelance': ['pre'],
    'application/vnd.lotus-notes': ['nsf'],
    'application/vnd.lotus-organizer': ['org'],
    'application/vnd.lotus-screencam': ['scm'],
    'application/vnd.lotus-wordpro': ['lwp'],
    'application/vnd.macports.portpkg': ['portpkg'],
    'application/vnd.mapbox-vector-tile': ['mvt'],
    'application/vnd.mcd': ['mcd'],
    'application/vnd.medcalcdata': ['mc1'],
    'application/vnd.mediastation.cdkey': ['cdkey'],
    'application/vnd.mfer': ['mwf'],
    'application/vnd.mfmp': ['mfm'],
    'application/vnd.micrografx.flo': ['flo'],
    'application/vnd.micrografx.igx': ['igx'],
    'application/vnd.mif': ['mif'],
    'application/vnd.mobius.daf': ['daf'],
    'application/vnd.mobius.dis': ['dis'],
    'application/vnd.mobius.mbk': ['mbk'],
    'application/vnd.mobius.mqy': ['mqy'],
    'application/vnd.mobius.msl': ['msl'],
    'application/vnd.mobius.plc': ['plc'],
    'application/vnd.mobius.txf': ['txf'],
    'application/vnd.mophun.application': ['mpn'],
    'application/vnd.mophun.certificate': ['mpc'],
    'application/vnd.mozilla.xul+xml': ['xul'],
    'application/vnd.ms-artgalry': ['cil'],
    'application/vnd.ms-cab-compressed': ['cab'],
    'application/vnd.ms-excel': ['xls', 'xlm', 'xla', 'xlc', 'xlt', 'xlw'],
    'application/vnd.ms-excel.addin.macroenabled.12': ['xlam'],
    'application/vnd.ms-excel.sheet.binary.macroenabled.12': ['xlsb'],
    'application/vnd.ms-excel.sheet.macroenabled.12': ['xlsm'],
    'application/vnd.ms-excel.template.macroenabled.12': ['xltm'],
    'application/vnd.ms-fontobject': ['eot'],
    'application/vnd.ms-htmlhelp': ['chm'],
    'application/vnd.ms-ims': ['ims'],
    'application/vnd.ms-lrm': ['lrm'],
    'application/vnd.ms-officetheme': ['thmx'],
    'application/vnd.ms-outlook': ['msg'],
    'application/vnd.ms-pki.seccat': ['cat'],
    'application/vnd.ms-pki.stl': ['*stl'],
    'application/vnd.ms-powerpoint': ['ppt', 'pps', 'pot'],
    'application/vnd.ms-powerpoint.addin.macroenabled.12': ['ppam'],
    'application/vnd.ms-powerpoint.presentation.macroenabled.12': ['pptm'],
    'application/vnd.ms-powerpoint.slide.macroenabled.12': ['sldm'],
    'application/vnd.ms-powerpoint.slideshow.macroenabled.12': ['ppsm'],
    'application/vnd.ms-powerpoint.template.macroenabled.12': ['potm'],
    'application/vnd.ms-project': ['*mpp', 'mpt'],
    'application/vnd.ms-visio.viewer': ['vdx'],
    'application/vnd.ms-word.document.macroenabled.12': ['docm'],
    'application/vnd.ms-word.template.macroenabled.12': ['dotm'],
    'application/vnd.ms-works': ['wps', 'wks', 'wcm', 'wdb'],
    'application/vnd.ms-wpl': ['wpl'],
    'application/vnd.ms-xpsdocument': ['xps'],
    'application/vnd.mseq': ['mseq'],
    'application/vnd.musician': ['mus'],
    'application/vnd.muvee.style': ['msty'],
    'application/vnd.mynfc': ['taglet'],
    'application/vnd.nato.bindingdataobject+xml': ['bdo'],
    'application/vnd.neurolanguage.nlu': ['nlu'],
    'application/vnd.nitf': ['ntf', 'nitf'],
    'application/vnd.noblenet-directory': ['nnd'],
    'application/vnd.noblenet-sealer': ['nns'],
    'application/vnd.noblenet-web': ['nnw'],
    'application/vnd.nokia.n-gage.ac+xml': ['*ac'],
    'application/vnd.nokia.n-gage.data': ['ngdat'],
    'application/vnd.nokia.n-gage.symbian.install': ['n-gage'],
    'application/vnd.nokia.radio-preset': ['rpst'],
    'application/vnd.nokia.radio-presets': ['rpss'],
    'application/vnd.novadigm.edm': ['edm'],
    'application/vnd.novadigm.edx': ['edx'],
    'application/vnd.novadigm.ext': ['ext'],
    'application/vnd.oasis.opendocument.chart': ['odc'],
    'application/vnd.oasis.opendocument.chart-template': ['otc'],
    'application/vnd.oasis.opendocument.database': ['odb'],
    'application/vnd.oasis.opendocument.formula': ['odf'],
    'application/vnd.oasis.opendocument.formula-template': ['odft'],
    'application/vnd.oasis.opendocument.graphics': ['odg'],
    'application/vnd.oasis.opendocument.graphics-template': ['otg'],
    'application/vnd.oasis.opendocument.image': ['odi'],
    'application/vnd.oasis.opendocument.image-template': ['oti'],
    'application/vnd.oasis.opendocument.presentation': ['odp'],
    'application/vnd.oasis.opendocument.presentation-template': ['otp'],
    'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
    'application/vnd.oasis.opendocument.spreadsheet-template': ['ots'],
    'application/vnd.oasis.opendocument.text': ['odt'],
    'application/vnd.oasis.opendocument.text-master': ['odm'],
    'application/vnd.oasis.opendocument.text-template': ['ott'],
    'application/vnd.oasis.opendocument.text-web': ['oth'],
    'application/vnd.olpc-sugar': ['xo'],
    'application/vnd.oma.dd2+xml': ['dd2'],
    'application/vnd.openblox.game+xml': ['obgx'],
    'application/vnd.openofficeorg.extension': ['oxt'],
    'application/vnd.openstreetmap.data+xml': ['osm'],
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': [
        'pptx',
    ],
    'application/vnd.openxmlformats-officedocument.presentationml.slide': [
        'sldx',
    ],
    'application/vnd.openxmlformats-officedocument.presentationml.slideshow': [
        'ppsx',
    ],
    'application/vnd.openxmlformats-officedocument.presentationml.template': [
        'potx',
    ],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.template': [
        'xltx',
    ],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [
        'docx',
    ],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.template': [
        'dotx',
    ],
    'application/vnd.osgeo.mapguide.package': ['mgp'],
    'application/vnd.osgi.dp': ['dp'],
    'application/vnd.osgi.subsystem': ['esa'],
    'application/vnd.palm': ['pdb', 'pqa', 'oprc'],
    'application/vnd.pawaafile': ['paw'],
    'application/vnd.pg.format': ['str'],
    'application/vnd.pg.osasli': ['ei6'],
    'application/vnd.picsel': ['efif'],
    'application/vnd.pmi.widget': ['wg'],
    'application/vnd.pocketlearn': ['plf'],
    'application/vnd.powerbuilder6': ['pbd'],
    'application/vnd.previewsystems.box': ['box'],
    'application/vnd.procrate.brushset': ['brushset'],
    'application/vnd.procreate.brush': ['brush'],
    'application/vnd.procreate.dream': ['drm'],
    'application/vnd.proteus.magazine': ['mgz'],
    'application/vnd.publishare-delta-tree': ['qps'],
    'application/vnd.pvi.ptid1': ['ptid'],
    'application/vnd.pwg-xhtml-print+xml': ['xhtm'],
    'application/vnd.quark.quarkxpress': [
        'qxd',
        'qxt',
        'qwd',
        'qwt',
        'qxl',
        'qxb',
    ],
    'application/vnd.rar': ['rar'],
    'application/vnd.realvnc.bed': ['bed'],
    'application/vnd.recordare.musicxml': ['mxl'],
    'application/vnd.recordare.musicxml+xml': ['musicxml'],
    'application/vnd.rig.cryptonote': ['cryptonote'],
    'application/vnd.rim.cod': ['cod'],
    'application/vnd.rn-realmedia': ['rm'],
    'application/vnd.rn-realmedia-vbr': ['rmvb'],
    'application/vnd.route66.link66+xml': ['link66'],
    'application/vnd.sailingtracker.track': ['st'],
    'application/vnd.seemail': ['see'],
    'application/vnd.sema': ['sema'],
    'application/vnd.semd': ['semd'],
    'application/vnd.semf': ['semf'],
    'application/vnd.shana.informed.formdata': ['ifm'],
    'application/vnd.shana.informed.formtemplate': ['itp'],
    'application/vnd.shana.informed.interchange': ['iif'],
    'application/vnd.shana.informed.package': ['ipk'],
    'application/vnd.simtech-mindmapper': ['twd', 'twds'],
    'application/vnd.smaf': ['mmf'],
    'application/vnd.smart.teacher': ['teacher'],
    'application/vnd.software602.filler.form+xml': ['fo'],
    'application/vnd.solent.sdkm+xml': ['sdkm', 'sdkd'],
    'application/vnd.spotfire.dxp': ['dxp'],
    'application/vnd.spotfire.sfs': ['sfs'],
    'application/vnd.stardivision.calc': ['sdc'],
    'application/vnd.stardivision.draw': ['sda'],
    'application/vnd.stardivision.impress': ['sdd'],
    'application/vnd.stardivision.math': ['smf'],
    'application/vnd.stardivision.writer': ['sdw', 'vor'],
    'application/vnd.stardivision.writer-global': ['sgl'],
    'application/vnd.stepmania.package': ['smzip'],
    'application/vnd.stepmania.stepchart': ['sm'],
    'application/vnd.sun.wadl+xml': ['wadl'],
    'application/vnd.sun.xml.calc': ['sxc'],
    'application/vnd.sun.xml.calc.template': ['stc'],
    'application/vnd.sun.xml.draw': ['sxd'],
    'application/vnd.sun.xml.draw.template': ['std'],
    'application/vnd.sun.xml.impress': ['sxi'],
    'application/vnd.sun.xml.impress.template': ['sti'],
    'application/vnd.sun.xml.math': ['sxm'],
    'application/vnd.sun.xml.writer': ['sxw'],
    'application/vnd.sun.xml.writer.global': ['sxg'],
    'application/vnd.sun.xml.writer.template': ['stw'],
    'application/vnd.sus-calendar': ['sus', 'susp'],
    'application/vnd.svd': ['svd'],
    'application/vnd.symbian.install': ['sis', 'sisx'],
    'application/vnd.syncml+xml': ['xsm'],
    'application/vnd.syncml.dm+wbxml': ['bdm'],
    'application/vnd.syncml.dm+xml': ['xdm'],
    'application/vnd.syncml.dmddf+xml': ['ddf'],
    'application/vnd.tao.intent-module-archive': ['tao'],
    'application/vnd.tcpdump.pcap': ['pcap', 'cap', 'dmp'],
    'application/vnd.tmobile-livetv': ['tmo'],
    'application/vnd.trid.tpt': ['tpt'],
    'application/vnd.triscape.mxs': ['mxs'],
    'application/vnd.trueapp': ['tra'],
    'application/vnd.ufdl': ['ufd', 'ufdl'],
    'application/vnd.uiq.theme': ['utz'],
    'application/vnd.umajin': ['umj'],
    'application/vnd.unity': ['unityweb'],
    'application/vnd.uoml+xml': ['uoml', 'uo'],
    'application/vnd.vcx': ['vcx'],
    'application/vnd.visio': ['vsd', 'vst', 'vss', 'vsw', 'vsdx', 'vtx'],
    'application/vnd.visionary': ['vis'],
    'application/vnd.vsf': ['vsf'],
    'application/vnd.wap.wbxml': ['wbxml'],
    'application/vnd.wap.wmlc': ['wmlc'],
    'application/vnd.wap.wmlscriptc': ['wmlsc'],
    'application/vnd.webturbo': ['wtb'],
    'application/vnd.wolfram.player': ['nbp'],
    'application/vnd.wordperfect': ['wpd'],
    'application/vnd.wqd': ['wqd'],
    'application/vnd.wt.stf': ['stf'],
    'application/vnd.xara': ['xar'],
    'application/vnd.xfdl': ['xfdl'],
    'application/vnd.yamaha.hv-dic': ['hvd'],
    'application/vnd.yamaha.hv-script': ['hvs'],
    'application/vnd.yamaha.hv-voice': ['hvp'],
    'application/vnd.yamaha.openscoreformat': ['osf'],
    'application/vnd.yamaha.openscoreformat.osfpvg+xml': ['osfpvg'],
    'application/vnd.yamaha.smaf-audio': ['saf'],
    'application/vnd.yamaha.smaf-phrase': ['spf'],
    'application/vnd.yellowriver-custom-menu': ['cmp'],
    'application/vnd.zul': ['zir', 'zirz'],
    'application/vnd.zzazz.deck+xml': ['zaz'],
    'application/x-7z-compressed': ['7z'],
    'application/x-abiword': ['abw'],
    'application/x-ace-compressed': ['ace'],
    'application/x-apple-diskimage': ['*dmg'],
    'application/x-arj': ['arj'],
    'application/x-authorware-bin': ['aab', 'x32', 'u32', 'vox'],
    'application/x-authorware-map': ['aam'],
    'application/x-authorware-seg': ['aas'],
    'application/x-bcpio': ['bcpio'],
    'application/x-bdoc': ['*bdoc'],
    'application/x-bittorrent': ['torrent'],
    'application/x-blender': ['blend'],
    'application/x-blorb': ['blb', 'blorb'],
    'application/x-bzip': ['bz'],
    'application/x-bzip2': ['bz2', 'boz'],
    'application/x-cbr': ['cbr', 'cba', 'cbt', 'cbz', 'cb7'],
    'application/x-cdlink': ['vcd'],
    'application/x-cfs-compressed': ['cfs'],
    'application/x-chat': ['chat'],
    'application/x-chess-pgn': ['pgn'],
    'application/x-chrome-extension': ['crx'],
    'application/x-cocoa': ['cco'],
    'application/x-compressed': ['*rar'],
    'application/x-conference': ['nsc'],
    'application/x-cpio': ['cpio'],
    'application/x-csh': ['csh'],
    'application/x-debian-package': ['*deb', 'udeb'],
    'application/x-dgc-compressed': ['dgc'],
    'application/x-director': [
        'dir',
        'dcr',
        'dxr',
        'cst',
        'cct',
        'cxt',
        'w3d',
        'fgd',
        'swa',
    ],
    'application/x-doom': ['wad'],
    'application/x-dtbncx+xml': ['ncx'],
    'application/x-dtbook+xml': ['dtb'],
    'application/x-dtbresource+xml': ['res'],
    'application/x-dvi': ['dvi'],
    'application/x-envoy': ['evy'],
    'application/x-eva': ['eva'],
    'application/x-font-bdf': ['bdf'],
    'application/x-font-ghostscript': ['gsf'],
    'application/x-font-linux-psf': ['psf'],
    'application/x-font-pcf': ['pcf'],
    'application/x-font-snf': ['snf'],
    'application/x-font-type1': ['pfa', 'pfb', 'pfm', 'afm'],
    'application/x-freearc': ['arc'],
    'application/x-futuresplash': ['spl'],
    'application/x-gca-compressed': ['gca'],
    'application/x-glulx': ['ulx'],
    'application/x-gnumeric': ['gnumeric'],
    'application/x-gramps-xml': ['gramps'],
    'application/x-gtar': ['gtar'],
    'application/x-hdf': ['hdf'],
    'application/x-httpd-php': ['php'],
    'application/x-install-instructions': ['install'],
    'application/x-ipynb+json': ['ipynb'],
    'application/x-iso9660-image': ['*iso'],
    'application/x-iwork-keynote-sffkey': ['*key'],
    'application/x-iwork-numbers-sffnumbers': ['*numbers'],
    'application/x-iwork-pages-sffpages': ['*pages'],
    'application/x-java-archive-diff': ['jardiff'],
    'application/x-java-jnlp-file': ['jnlp'],
    'application/x-keepass2': ['kdbx'],
    'application/x-latex': ['latex'],
    'application/x-lua-bytecode': ['luac'],
    'application/x-lzh-compressed': ['lzh', 'lha'],
    'application/x-makeself': ['run'],
    'application/x-mie': ['mie'],
    'application/x-mobipocket-ebook': ['*prc', 'mobi'],
    'application/x-ms-application': ['application'],
    'application/x-ms-shortcut': ['lnk'],
    'application/x-ms-wmd': ['wmd'],
    'application/x-ms-wmz': ['wmz'],
    'application/x-ms-xbap': ['xbap'],
    'application/x-msaccess': ['mdb'],
    'application/x-msbinder': ['obd'],
    'application/x-mscardfile': ['crd'],
    'application/x-msclip': ['clp'],
    'application/x-msdos-program': ['*exe'],
    'application/x-msdownload': ['*exe', '*dll', 'com', 'bat', '*msi'],
    'application/x-msmediaview': ['mvb', 'm13', 'm14'],
    'application/x-msmetafile': ['*wmf', '*wmz', '*emf', 'emz'],
    'application/x-msmoney': ['mny'],
    'application/x-mspublisher': ['pub'],
    'application/x-msschedule': ['scd'],
    'application/x-msterminal': ['trm'],
    'application/x-mswrite': ['wri'],
    'application/x-netcdf': ['nc', 'cdf'],
    'application/x-ns-proxy-autoconfig': ['pac'],
    'application/x-nzb': ['nzb'],
    'application/x-perl': ['pl', 'pm'],
    'application/x-pilot': ['*prc', '*pdb'],
    'application/x-pkcs12': ['p12', 'pfx'],
    'application/x-pkcs7-certificates': ['p7b', 'spc'],
    'application/x-pkcs7-certreqresp': ['p7r'],
    'application/x-rar-compressed': ['*rar'],
    'application/x-redhat-package-manager': ['rpm'],
    'application/x-research-info-systems': ['ris'],
    'application/x-sea': ['sea'],
    'application/x-sh': ['sh'],
    'application/x-shar': ['shar'],
    'application/x-shockwave-flash': ['swf'],
    'application/x-silverlight-app': ['xap'],
    'application/x-sql': ['*sql'],
    'application/x-stuffit': ['sit'],
    'application/x-stuffitx': ['sitx'],
    'application/x-subrip': ['srt'],
    'application/x-sv4cpio': ['sv4cpio'],
    'application/x-sv4crc': ['sv4crc'],
    'application/x-t3vm-image': ['t3'],
    'application/x-tads': ['gam'],
    'application/x-tar': ['tar'],
    'application/x-tcl': ['tcl', 'tk'],
    'application/x-tex': ['tex'],
    'application/x-tex-tfm': ['tfm'],
    'application/x-texinfo': ['texinfo', 'texi'],
    'application/x-tgif': ['*obj'],
    'application/x-ustar': ['ustar'],
    'application/x-virtualbox-hdd': ['hdd'],
    'application/x-virtualbox-ova': ['ova'],
    'application/x-virtualbox-ovf': ['ovf'],
    'application/x-virtualbox-vbox': ['vbox'],
    'application/x-virtualbox-vbox-extpack': ['vbox-extpack'],
    'application/x-virtualbox-vdi': ['vdi'],
    'application/x-virtualbox-vhd': ['vhd'],
    'application/x-virtualbox-vmdk': ['vmdk'],
    'application/x-wais-source': ['src'],
    'application/x-web-app-manifest+json': ['webapp'],
    'application/x-x509-ca-cert': ['der', 'crt', 'pem'],
    'application/x-xfig': ['fig'],
    'application/x-xliff+xml': ['*xlf'],
    'application/x-xpinstall': ['xpi'],
    'application/x-xz': ['xz'],
    'application/x-zip-compressed': ['*zip'],
    'application/x-zmachine': ['z1', 'z2', 'z3', 'z4', 'z5', 'z6', 'z7', 'z8'],
    'audio/vnd.dece.audio': ['uva', 'uvva'],
    'audio/vnd.digital-winds': ['eol'],
    'audio/vnd.dra': ['dra'],
    'audio/vnd.dts': ['dts'],
    'audio/vnd.dts.hd': ['dtshd'],
    'audio/vnd.lucent.voice': ['lvp'],
    'audio/vnd.ms-playready.media.pya': ['pya'],
    'audio/vnd.nuera.ecelp4800': ['ecelp4800'],
    'audio/vnd.nuera.ecelp7470': ['ecelp7470'],
    'audio/vnd.nuera.ecelp9600': ['ecelp9600'],
    'audio/vnd.rip': ['rip'],
    'audio/x-aac': ['*aac'],
    'audio/x-aiff': ['aif', 'aiff', 'aifc'],
    'audio/x-caf': ['caf'],
    'audio/x-flac': ['flac'],
    'audio/x-m4a': ['*m4a'],
    'audio/x-matroska': ['mka'],
    'audio/x-mpegurl': ['m3u'],
    'audio/x-ms-wax': ['wax'],
    'audio/x-ms-wma': ['wma'],
    'audio/x-pn-realaudio': ['ram', 'ra'],
    'audio/x-pn-realaudio-plugin': ['rmp'],
    'audio/x-realaudio': ['*ra'],
    'audio/x-wav': ['*wav'],
    'chemical/x-cdx': ['cdx'],
    'chemical/x-cif': ['cif'],
    'chemical/x-cmdf': ['cmdf'],
    'chemical/x-cml': ['cml'],
    'chemical/x-csml': ['csml'],
    'chemical/x-xyz': ['xyz'],
    'image/prs.btif': ['btif', 'btf'],
    'image/prs.pti': ['pti'],
    'image/vnd.adobe.photoshop': ['psd'],
    'image/vnd.airzip.accelerator.azv': ['azv'],
    'image/vnd.blockfact.facti': ['facti'],
    'image/vnd.dece.graphic': ['uvi', 'uvvi', 'uvg', 'uvvg'],
    'image/vnd.djvu': ['djvu', 'djv'],
    'image/vnd.dvb.subtitle': ['*sub'],
    'image/vnd.dwg': ['dwg'],
    'image/vnd.dxf': ['dxf'],
    'image/vnd.fastbidsheet': ['fbs'],
    'image/vnd.fpx': ['fpx'],
    'image/vnd.fst': ['fst'],
    'image/vnd.fujixerox.edmics-mmr': ['mmr'],
    'image/vnd.fujixerox.edmics-rlc': ['rlc'],
    'image/vnd.microsoft.icon': ['ico'],
    'image/vnd.ms-dds': ['dds'],
    'image/vnd.ms-modi': ['mdi'],
    'image/vnd.ms-photo': ['wdp'],
    'image/vnd.net-fpx': ['npx'],
    'image/vnd.pco.b16': ['b16'],
    'image/vnd.tencent.tap': ['tap'],
    'image/vnd.valve.source.texture': ['vtf'],
    'image/vnd.wap.wbmp': ['wbmp'],
    'image/vnd.xiff': ['xif'],
    'image/vnd.zbrush.pcx': ['pcx'],
    'image/x-3ds': ['3ds'],
    'image/x-adobe-dng': ['dng'],
    'image/x-cmu-raster': ['ras'],
    'image/x-cmx': ['cmx'],
    'image/x-freehand': ['fh', 'fhc', 'fh4', 'fh5', 'fh7'],
    'image/x-icon': ['*ico'],
    'image/x-jng': ['jng'],
    'image/x-mrsid-image': ['sid'],
    'image/x-ms-bmp': ['*bmp'],
    'image/x-pcx': ['*pcx'],
    'image/x-pict': ['pic', 'pct'],
    'image/x-portable-anymap': ['pnm'],
    'image/x-portable-bitmap': ['pbm'],
    'image/x-portable-graymap': ['pgm'],
    'image/x-portable-pixmap': ['ppm'],
    'image/x-rgb': ['rgb'],
    'image/x-tga': ['tga'],
    'image/x-xbitmap': ['xbm'],
    'image/x-xpixmap': ['xpm'],
    'image/x-xwindowdump': ['xwd'],
    'message/vnd.wfa.wsc': ['wsc'],
    'model/vnd.bary': ['bary'],
    'model/vnd.cld': ['cld'],
    'model/vnd.collada+xml': ['dae'],
    'model/vnd.dwf': ['dwf'],
    'model/vnd.gdl': ['gdl'],
    'model/vnd.gtw': ['gtw'],
    'model/vnd.mts': ['*mts'],
    'model/vnd.opengex': ['ogex'],
    'model/vnd.parasolid.transmit.binary': ['x_b'],
    'model/vnd.parasolid.transmit.text': ['x_t'],
    'model/vnd.pytha.pyox': ['pyo', 'pyox'],
    'model/vnd.sap.vds': ['vds'],
    'model/vnd.usda': ['usda'],
    'model/vnd.usdz+zip': ['usdz'],
    'model/vnd.valve.source.compiled-map': ['bsp'],
    'model/vnd.vtu': ['vtu'],
    'text/prs.lines.tag': ['dsc'],
    'text/vnd.curl': ['curl'],
    'text/vnd.curl.dcurl': ['dcurl'],
    'text/vnd.curl.mcurl': ['mcurl'],
    'text/vnd.curl.scurl': ['scurl'],
    'text/vnd.dvb.subtitle': ['sub'],
    'text/vnd.familysearch.gedcom': ['ged'],
    'text/vnd.fly': ['fly'],
    'text/vnd.fmi.flexstor': ['flx'],
    'text/vnd.graphviz': ['gv'],
    'text/vnd.in3d.3dml': ['3dml'],
    'text/vnd.in3d.spot': ['spot'],
    'text/vnd.sun.j2me.app-descriptor': ['jad'],
    'text/vnd.wap.wml': ['wml'],
    'text/vnd.wap.wmlscript': ['wmls'],
    'text/x-asm': ['s', 'asm'],
    'text/x-c': ['c', 'cc', 'cxx', 'cpp', 'h', 'hh', 'dic'],
    'text/x-component': ['htc'],
    'text/x-fortran': ['f', 'for', 'f77', 'f90'],
    'text/x-handlebars-template': ['hbs'],
    'text/x-java-source': ['java'],
    'text/x-lua': ['lua'],
    'text/x-markdown': ['mkd'],
    'text/x-nfo': ['nfo'],
    'text/x-opml': ['opml'],
    'text/x-org': ['*org'],
    'text/x-pascal': ['p', 'pas'],
    'text/x-processing': ['pde'],
    'text/x-sass': ['sass'],
    'text/x-scss': ['scss'],
    'text/x-setext': ['etx'],
    'text/x-sfv': ['sfv'],
    'text/x-suse-ymp': ['ymp'],
    'text/x-uuencode': ['uu'],
    'text/x-vcalendar': ['vcs'],
    'text/x-vcard': ['vcf'],
    'video/vnd.dece.hd': ['uvh', 'uvvh'],
    'video/vnd.dece.mobile': ['uvm', 'uvvm'],
    'video/vnd.dece.pd': ['uvp', 'uvvp'],
    'video/vnd.dece.sd': ['uvs', 'uvvs'],
    'video/vnd.dece.video': ['uvv', 'uvvv'],
    'video/vnd.dvb.file': ['dvb'],
    'video/vnd.fvt': ['fvt'],
    'video/vnd.mpegurl': ['mxu', 'm4u'],
    'video/vnd.ms-playready.media.pyv': ['pyv'],
    'video/vnd.uvvu.mp4': ['uvu', 'uvvu'],
    'video/vnd.vivo': ['viv'],
    'video/x-f4v': ['f4v'],
    'video/x-fli': ['fli'],
    'video/x-flv': ['flv'],
    'video/x-m4v': ['m4v'],
    'video/x-matroska': ['mkv', 'mk3d', 'mks'],
    'video/x-mng': ['mng'],
    'video/x-ms-asf': ['asf', 'asx'],
    'video/x-ms-vob': ['vob'],
    'video/x-ms-wm': ['wm'],
    'video/x-ms-wmv': ['wmv'],
    'video/x-ms-wmx': ['wmx'],
    'video/x-ms-wvx': ['wvx'],
    'video/x-msvideo': ['avi'],
    'video/x-sgi-movie': ['movie'],
    'video/x-smv': ['smv'],
    'x-conference/x-cooltalk': ['ice'],
};
Object.freeze(types);
/* harmony default export */ const other = (types);

;// CONCATENATED MODULE: ./node_modules/mime/dist/types/standard.js
const standard_types = {
    'application/andrew-inset': ['ez'],
    'application/appinstaller': ['appinstaller'],
    'application/applixware': ['aw'],
    'application/appx': ['appx'],
    'application/appxbundle': ['appxbundle'],
    'application/atom+xml': ['atom'],
    'application/atomcat+xml': ['atomcat'],
    'application/atomdeleted+xml': ['atomdeleted'],
    'application/atomsvc+xml': ['atomsvc'],
    'application/atsc-dwd+xml': ['dwd'],
    'application/atsc-held+xml': ['held'],
    'application/atsc-rsat+xml': ['rsat'],
    'application/automationml-aml+xml': ['aml'],
    'application/automationml-amlx+zip': ['amlx'],
    'application/bdoc': ['bdoc'],
    'application/calendar+xml': ['xcs'],
    'application/ccxml+xml': ['ccxml'],
    'application/cdfx+xml': ['cdfx'],
    'application/cdmi-capability': ['cdmia'],
    'application/cdmi-container': ['cdmic'],
    'application/cdmi-domain': ['cdmid'],
    'application/cdmi-object': ['cdmio'],
    'application/cdmi-queue': ['cdmiq'],
    'application/cpl+xml': ['cpl'],
    'application/cu-seeme': ['cu'],
    'application/cwl': ['cwl'],
    'application/dash+xml': ['mpd'],
    'application/dash-patch+xml': ['mpp'],
    'application/davmount+xml': ['davmount'],
    'application/dicom': ['dcm'],
    'application/docbook+xml': ['dbk'],
    'application/dssc+der': ['dssc'],
    'application/dssc+xml': ['xdssc'],
    'application/ecmascript': ['ecma'],
    'application/emma+xml': ['emma'],
    'application/emotionml+xml': ['emotionml'],
    'application/epub+zip': ['epub'],
    'application/exi': ['exi'],
    'application/express': ['exp'],
    'application/fdf': ['fdf'],
    'application/fdt+xml': ['fdt'],
    'application/font-tdpfr': ['pfr'],
    'application/geo+json': ['geojson'],
    'application/gml+xml': ['gml'],
    'application/gpx+xml': ['gpx'],
    'application/gxf': ['gxf'],
    'application/gzip': ['gz'],
    'application/hjson': ['hjson'],
    'application/hyperstudio': ['stk'],
    'application/inkml+xml': ['ink', 'inkml'],
    'application/ipfix': ['ipfix'],
    'application/its+xml': ['its'],
    'application/java-archive': ['jar', 'war', 'ear'],
    'application/java-serialized-object': ['ser'],
    'application/java-vm': ['class'],
    'application/javascript': ['*js'],
    'application/json': ['json', 'map'],
    'application/json5': ['json5'],
    'application/jsonml+json': ['jsonml'],
    'application/ld+json': ['jsonld'],
    'application/lgr+xml': ['lgr'],
    'application/lost+xml': ['lostxml'],
    'application/mac-binhex40': ['hqx'],
    'application/mac-compactpro': ['cpt'],
    'application/mads+xml': ['mads'],
    'application/manifest+json': ['webmanifest'],
    'application/marc': ['mrc'],
    'application/marcxml+xml': ['mrcx'],
    'application/mathematica': ['ma', 'nb', 'mb'],
    'application/mathml+xml': ['mathml'],
    'application/mbox': ['mbox'],
    'application/media-policy-dataset+xml': ['mpf'],
    'application/mediaservercontrol+xml': ['mscml'],
    'application/metalink+xml': ['metalink'],
    'application/metalink4+xml': ['meta4'],
    'application/mets+xml': ['mets'],
    'application/mmt-aei+xml': ['maei'],
    'application/mmt-usd+xml': ['musd'],
    'application/mods+xml': ['mods'],
    'application/mp21': ['m21', 'mp21'],
    'application/mp4': ['*mp4', '*mpg4', 'mp4s', 'm4p'],
    'application/msix': ['msix'],
    'application/msixbundle': ['msixbundle'],
    'application/msword': ['doc', 'dot'],
    'application/mxf': ['mxf'],
    'application/n-quads': ['nq'],
    'application/n-triples': ['nt'],
    'application/node': ['cjs'],
    'application/octet-stream': [
        'bin',
        'dms',
        'lrf',
        'mar',
        'so',
        'dist',
        'distz',
        'pkg',
        'bpk',
        'dump',
        'elc',
        'deploy',
        'exe',
        'dll',
        'deb',
        'dmg',
        'iso',
        'img',
        'msi',
        'msp',
        'msm',
        'buffer',
    ],
    'application/oda': ['oda'],
    'application/oebps-package+xml': ['opf'],
    'application/ogg': ['ogx'],
    'application/omdoc+xml': ['omdoc'],
    'application/onenote': [
        'onetoc',
        'onetoc2',
        'onetmp',
        'onepkg',
        'one',
        'onea',
    ],
    'application/oxps': ['oxps'],
    'application/p2p-overlay+xml': ['relo'],
    'application/patch-ops-error+xml': ['xer'],
    'application/pdf': ['pdf'],
    'application/pgp-encrypted': ['pgp'],
    'application/pgp-keys': ['asc'],
    'application/pgp-signature': ['sig', '*asc'],
    'application/pics-rules': ['prf'],
    'application/pkcs10': ['p10'],
    'application/pkcs7-mime': ['p7m', 'p7c'],
    'application/pkcs7-signature': ['p7s'],
    'application/pkcs8': ['p8'],
    'application/pkix-attr-cert': ['ac'],
    'application/pkix-cert': ['cer'],
    'application/pkix-crl': ['crl'],
    'application/pkix-pkipath': ['pkipath'],
    'application/pkixcmp': ['pki'],
    'application/pls+xml': ['pls'],
    'application/postscript': ['ai', 'eps', 'ps'],
    'application/provenance+xml': ['provx'],
    'application/pskc+xml': ['pskcxml'],
    'application/raml+yaml': ['raml'],
    'application/rdf+xml': ['rdf', 'owl'],
    'application/reginfo+xml': ['rif'],
    'application/relax-ng-compact-syntax': ['rnc'],
    'application/resource-lists+xml': ['rl'],
    'application/resource-lists-diff+xml': ['rld'],
    'application/rls-services+xml': ['rs'],
    'application/route-apd+xml': ['rapd'],
    'application/route-s-tsid+xml': ['sls'],
    'application/route-usd+xml': ['rusd'],
    'application/rpki-ghostbusters': ['gbr'],
    'application/rpki-manifest': ['mft'],
    'application/rpki-roa': ['roa'],
    'application/rsd+xml': ['rsd'],
    'application/rss+xml': ['rss'],
    'application/rtf': ['rtf'],
    'application/sbml+xml': ['sbml'],
    'application/scvp-cv-request': ['scq'],
    'application/scvp-cv-response': ['scs'],
    'application/scvp-vp-request': ['spq'],
    'application/scvp-vp-response': ['spp'],
    'application/sdp': ['sdp'],
    'application/senml+xml': ['senmlx'],
    'application/sensml+xml': ['sensmlx'],
    'application/set-payment-initiation': ['setpay'],
    'application/set-registration-initiation': ['setreg'],
    'application/shf+xml': ['shf'],
    'application/sieve': ['siv', 'sieve'],
    'application/smil+xml': ['smi', 'smil'],
    'application/sparql-query': ['rq'],
    'application/sparql-results+xml': ['srx'],
    'application/sql': ['sql'],
    'application/srgs': ['gram'],
    'application/srgs+xml': ['grxml'],
    'application/sru+xml': ['sru'],
    'application/ssdl+xml': ['ssdl'],
    'application/ssml+xml': ['ssml'],
    'application/swid+xml': ['swidtag'],
    'application/tei+xml': ['tei', 'teicorpus'],
    'application/thraud+xml': ['tfi'],
    'application/timestamped-data': ['tsd'],
    'application/toml': ['toml'],
    'application/trig': ['trig'],
    'application/ttml+xml': ['ttml'],
    'application/ubjson': ['ubj'],
    'application/urc-ressheet+xml': ['rsheet'],
    'application/urc-targetdesc+xml': ['td'],
    'application/voicexml+xml': ['vxml'],
    'application/wasm': ['wasm'],
    'application/watcherinfo+xml': ['wif'],
    'application/widget': ['wgt'],
    'application/winhlp': ['hlp'],
    'application/wsdl+xml': ['wsdl'],
    'application/wspolicy+xml': ['wspolicy'],
    'application/xaml+xml': ['xaml'],
    'application/xcap-att+xml': ['xav'],
    'application/xcap-caps+xml': ['xca'],
    'application/xcap-diff+xml': ['xdf'],
    'application/xcap-el+xml': ['xel'],
    'application/xcap-ns+xml': ['xns'],
    'application/xenc+xml': ['xenc'],
    'application/xfdf': ['xfdf'],
    'application/xhtml+xml': ['xhtml', 'xht'],
    'application/xliff+xml': ['xlf'],
    'application/xml': ['xml', 'xsl', 'xsd', 'rng'],
    'application/xml-dtd': ['dtd'],
    'application/xop+xml': ['xop'],
    'application/xproc+xml': ['xpl'],
    'application/xslt+xml': ['*xsl', 'xslt'],
    'application/xspf+xml': ['xspf'],
    'application/xv+xml': ['mxml', 'xhvml', 'xvml', 'xvm'],
    'application/yang': ['yang'],
    'application/yin+xml': ['yin'],
    'application/zip': ['zip'],
    'application/zip+dotlottie': ['lottie'],
    'audio/3gpp': ['*3gpp'],
    'audio/aac': ['adts', 'aac'],
    'audio/adpcm': ['adp'],
    'audio/amr': ['amr'],
    'audio/basic': ['au', 'snd'],
    'audio/midi': ['mid', 'midi', 'kar', 'rmi'],
    'audio/mobile-xmf': ['mxmf'],
    'audio/mp3': ['*mp3'],
    'audio/mp4': ['m4a', 'mp4a', 'm4b'],
    'audio/mpeg': ['mpga', 'mp2', 'mp2a', 'mp3', 'm2a', 'm3a'],
    'audio/ogg': ['oga', 'ogg', 'spx', 'opus'],
    'audio/s3m': ['s3m'],
    'audio/silk': ['sil'],
    'audio/wav': ['wav'],
    'audio/wave': ['*wav'],
    'audio/webm': ['weba'],
    'audio/xm': ['xm'],
    'font/collection': ['ttc'],
    'font/otf': ['otf'],
    'font/ttf': ['ttf'],
    'font/woff': ['woff'],
    'font/woff2': ['woff2'],
    'image/aces': ['exr'],
    'image/apng': ['apng'],
    'image/avci': ['avci'],
    'image/avcs': ['avcs'],
    'image/avif': ['avif'],
    'image/bmp': ['bmp', 'dib'],
    'image/cgm': ['cgm'],
    'image/dicom-rle': ['drle'],
    'image/dpx': ['dpx'],
    'image/emf': ['emf'],
    'image/fits': ['fits'],
    'image/g3fax': ['g3'],
    'image/gif': ['gif'],
    'image/heic': ['heic'],
    'image/heic-sequence': ['heics'],
    'image/heif': ['heif'],
    'image/heif-sequence': ['heifs'],
    'image/hej2k': ['hej2'],
    'image/ief': ['ief'],
    'image/jaii': ['jaii'],
    'image/jais': ['jais'],
    'image/jls': ['jls'],
    'image/jp2': ['jp2', 'jpg2'],
    'image/jpeg': ['jpg', 'jpeg', 'jpe'],
    'image/jph': ['jph'],
    'image/jphc': ['jhc'],
    'image/jpm': ['jpm', 'jpgm'],
    'image/jpx': ['jpx', 'jpf'],
    'image/jxl': ['jxl'],
    'image/jxr': ['jxr'],
    'image/jxra': ['jxra'],
    'image/jxrs': ['jxrs'],
    'image/jxs': ['jxs'],
    'image/jxsc': ['jxsc'],
    'image/jxsi': ['jxsi'],
    'image/jxss': ['jxss'],
    'image/ktx': ['ktx'],
    'image/ktx2': ['ktx2'],
    'image/pjpeg': ['jfif'],
    'image/png': ['png'],
    'image/sgi': ['sgi'],
    'image/svg+xml': ['svg', 'svgz'],
    'image/t38': ['t38'],
    'image/tiff': ['tif', 'tiff'],
    'image/tiff-fx': ['tfx'],
    'image/webp': ['webp'],
    'image/wmf': ['wmf'],
    'message/disposition-notification': ['disposition-notification'],
    'message/global': ['u8msg'],
    'message/global-delivery-status': ['u8dsn'],
    'message/global-disposition-notification': ['u8mdn'],
    'message/global-headers': ['u8hdr'],
    'message/rfc822': ['eml', 'mime', 'mht', 'mhtml'],
    'model/3mf': ['3mf'],
    'model/gltf+json': ['gltf'],
    'model/gltf-binary': ['glb'],
    'model/iges': ['igs', 'iges'],
    'model/jt': ['jt'],
    'model/mesh': ['msh', 'mesh', 'silo'],
    'model/mtl': ['mtl'],
    'model/obj': ['obj'],
    'model/prc': ['prc'],
    'model/step': ['step', 'stp', 'stpnc', 'p21', '210'],
    'model/step+xml': ['stpx'],
    'model/step+zip': ['stpz'],
    'model/step-xml+zip': ['stpxz'],
    'model/stl': ['stl'],
    'model/u3d': ['u3d'],
    'model/vrml': ['wrl', 'vrml'],
    'model/x3d+binary': ['*x3db', 'x3dbz'],
    'model/x3d+fastinfoset': ['x3db'],
    'model/x3d+vrml': ['*x3dv', 'x3dvz'],
    'model/x3d+xml': ['x3d', 'x3dz'],
    'model/x3d-vrml': ['x3dv'],
    'text/cache-manifest': ['appcache', 'manifest'],
    'text/calendar': ['ics', 'ifb'],
    'text/coffeescript': ['coffee', 'litcoffee'],
    'text/css': ['css'],
    'text/csv': ['csv'],
    'text/html': ['html', 'htm', 'shtml'],
    'text/jade': ['jade'],
    'text/javascript': ['js', 'mjs'],
    'text/jsx': ['jsx'],
    'text/less': ['less'],
    'text/markdown': ['md', 'markdown'],
    'text/mathml': ['mml'],
    'text/mdx': ['mdx'],
    'text/n3': ['n3'],
    'text/plain': ['txt', 'text', 'conf', 'def', 'list', 'log', 'in', 'ini'],
    'text/richtext': ['rtx'],
    'text/rtf': ['*rtf'],
    'text/sgml': ['sgml', 'sgm'],
    'text/shex': ['shex'],
    'text/slim': ['slim', 'slm'],
    'text/spdx': ['spdx'],
    'text/stylus': ['stylus', 'styl'],
    'text/tab-separated-values': ['tsv'],
    'text/troff': ['t', 'tr', 'roff', 'man', 'me', 'ms'],
    'text/turtle': ['ttl'],
    'text/uri-list': ['uri', 'uris', 'urls'],
    'text/vcard': ['vcard'],
    'text/vtt': ['vtt'],
    'text/wgsl': ['wgsl'],
    'text/xml': ['*xml'],
    'text/yaml': ['yaml', 'yml'],
    'video/3gpp': ['3gp', '3gpp'],
    'video/3gpp2': ['3g2'],
    'video/h261': ['h261'],
    'video/h263': ['h263'],
    'video/h264': ['h264'],
    'video/iso.segment': ['m4s'],
    'video/jpeg': ['jpgv'],
    'video/jpm': ['*jpm', '*jpgm'],
    'video/mj2': ['mj2', 'mjp2'],
    'video/mp2t': ['ts', 'm2t', 'm2ts', 'mts'],
    'video/mp4': ['mp4', 'mp4v', 'mpg4'],
    'video/mpeg': ['mpeg', 'mpg', 'mpe', 'm1v', 'm2v'],
    'video/ogg': ['ogv'],
    'video/quicktime': ['qt', 'mov'],
    'video/webm': ['webm'],
};
Object.freeze(standard_types);
/* harmony default export */ const standard = (standard_types);

;// CONCATENATED MODULE: ./node_modules/mime/dist/src/Mime.js
var __classPrivateFieldGet = (undefined && undefined.__classPrivateFieldGet) || function (receiver, state, kind, f) {
    if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
    if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
    return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
};
var _Mime_extensionToType, _Mime_typeToExtension, _Mime_typeToExtensions;
class Mime {
    constructor(...args) {
        _Mime_extensionToType.set(this, new Map());
        _Mime_typeToExtension.set(this, new Map());
        _Mime_typeToExtensions.set(this, new Map());
        for (const arg of args) {
            this.define(arg);
        }
    }
    define(typeMap, force = false) {
        for (let [type, extensions] of Object.entries(typeMap)) {
            type = type.toLowerCase();
            extensions = extensions.map((ext) => ext.toLowerCase());
            let allExtensions = __classPrivateFieldGet(this, _Mime_typeToExtensions, "f").get(type);
            if (!allExtensions) {
                allExtensions = new Set();
                __classPrivateFieldGet(this, _Mime_typeToExtensions, "f").set(type, allExtensions);
            }
            let first = true;
            for (let extension of extensions) {
                const starred = extension.startsWith('*');
                extension = starred ? extension.slice(1) : extension;
                allExtensions.add(extension);
                if (first) {
                    __classPrivateFieldGet(this, _Mime_typeToExtension, "f").set(type, extension);
                }
                first = false;
                if (starred)
                    continue;
                const currentType = __classPrivateFieldGet(this, _Mime_extensionToType, "f").get(extension);
                if (currentType && currentType != type && !force) {
                    throw new Error(`"${type} -> ${extension}" conflicts with "${currentType} -> ${extension}". Pass \`force=true\` to override this definition.`);
                }
                __classPrivateFieldGet(this, _Mime_extensionToType, "f").set(extension, type);
            }
        }
        return this;
    }
    getType(path) {
        if (typeof path !== 'string')
            return null;
        const last = path.replace(/^.*[/\\]/s, '').toLowerCase();
        const ext = last.replace(/^.*\./s, '').toLowerCase();
        const hasPath = last.length < path.length;
        const hasDot = ext.length < last.length - 1;
        if (!hasDot && hasPath)
            return null;
        return __classPrivateFieldGet(this, _Mime_extensionToType, "f").get(ext) ?? null;
    }
    getExtension(type) {
        if (typeof type !== 'string')
            return null;
        type = type?.split?.(';')[0];
        return ((type && __classPrivateFieldGet(this, _Mime_typeToExtension, "f").get(type.trim().toLowerCase())) ?? null);
    }
    getAllExtensions(type) {
        if (typeof type !== 'string')
            return null;
        type = type.split(';')[0].trim().toLowerCase();
        const extensions = __classPrivateFieldGet(this, _Mime_typeToExtensions, "f").get(type);
        return extensions ? new Set(extensions) : null;
    }
    _freeze() {
        this.define = () => {
            throw new Error('define() not allowed for built-in Mime objects. See https://github.com/broofa/mime/blob/main/README.md#custom-mime-instances');
        };
        Object.freeze(this);
        return this;
    }
    _getTestState() {
        return {
            types: __classPrivateFieldGet(this, _Mime_extensionToType, "f"),
            extensions: __classPrivateFieldGet(this, _Mime_typeToExtension, "f"),
        };
    }
}
_Mime_extensionToType = new WeakMap(), _Mime_typeToExtension = new WeakMap(), _Mime_typeToExtensions = new WeakMap();
/* harmony default export */ const src_Mime = (Mime);

;// CONCATENATED MODULE: ./node_modules/mime/dist/src/index.js




/* harmony default export */ const src = (new src_Mime(standard, other)._freeze());

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/plan/header-rules.ts
/**
 * The action's own user-metadata namespace (the content MD5 is stored as `s3cfd-md5`): `headers` rules cannot
 * set it and headersFromHead leaves it out.
 */
const ACTION_META_PREFIX = 's3cfd-';
const FIXED_HEADERS = [
    'Content-Type',
    'Content-Encoding',
    'Content-Language',
    'Content-Disposition',
    'Cache-Control',
    'x-amz-website-redirect-location',
];
const META = 'x-amz-meta-';
// RFC 9110 token characters (a metadata name becomes part of an HTTP header name).
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
// A media type: type/subtype, optionally followed by parameters.
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+\s*(;.*)?$/i;
const FORM = "'GLOB: Header: value', e.g. '**/*.pdf: Content-Disposition: attachment'";
const ALLOWED = `${FIXED_HEADERS.join(', ')} or x-amz-meta-NAME`;
/**
 * Parse the `headers` input: one `GLOB: Header: value` rule per line; blank lines and lines starting with `#`
 * are ignored. The glob ends at the first `:` (so it cannot hold one), the header name at the second; the
 * value is the rest (it may hold `:`). Header names are case-insensitive and returned canonically. Throws an
 * Error naming the line and the accepted form for: a malformed line, a header not in the allowed list, an
 * empty value, a value with CR, LF, another control character or non-ASCII text (S3 stores headers as
 * ASCII), a Content-Type that is not `type/subtype`, a redirect location not starting with `/`, `http://` or
 * `https://`, and metadata in the action's own `s3cfd-` namespace.
 */
function parseHeaderRules(text) {
    const rules = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = i + 1;
        const trimmed = lines[i].trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        const bad = (why) => new Error(`headers line ${line} '${trimmed}': ${why}`);
        const c1 = trimmed.indexOf(':');
        const c2 = c1 < 0 ? -1 : trimmed.indexOf(':', c1 + 1);
        if (c2 < 0)
            throw bad(`must be ${FORM}`);
        const glob = trimmed.slice(0, c1).trim();
        const name = trimmed.slice(c1 + 1, c2).trim();
        const value = trimmed.slice(c2 + 1).trim();
        if (glob === '' || name === '')
            throw bad(`must be ${FORM}`);
        const header = canonicalHeader(name);
        if (header === null)
            throw bad(`header '${name}' cannot be set; allowed: ${ALLOWED} (case-insensitive)`);
        if (value === '')
            throw bad(`the value of ${name} is empty; the line must be ${FORM}`);
        if (/[\r\n]/.test(value))
            throw bad(`the value of ${name} holds a CR or LF (header values are one line)`);
        if (/[^\t\x20-\x7e]/.test(value))
            throw bad(`the value of ${name} must be printable ASCII (no control characters or non-ASCII text)`);
        if (header === 'Content-Type' && !MEDIA_TYPE.test(value)) {
            throw bad(`Content-Type '${value}' must be a media type such as text/plain; charset=utf-8`);
        }
        if (header === 'x-amz-website-redirect-location' && !/^(\/|https?:\/\/)/.test(value)) {
            throw bad(`x-amz-website-redirect-location '${value}' must start with /, http:// or https://`);
        }
        if (header.startsWith(META + ACTION_META_PREFIX))
            throw bad(`x-amz-meta-${ACTION_META_PREFIX}* is the action's own metadata`);
        rules.push({ glob, header, value, line });
    }
    return rules;
}
function canonicalHeader(name) {
    const lower = name.toLowerCase();
    const fixed = FIXED_HEADERS.find((h) => h.toLowerCase() === lower);
    if (fixed)
        return fixed;
    if (lower.startsWith(META) && TOKEN.test(lower.slice(META.length)))
        return `${META}${lower.slice(META.length)}`;
    return null;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/plan/stored-headers.ts
// Headers as stored on an object (read with HEAD), compared with the headers the action would upload. Pure.


/**
 * Normalise a HeadObject answer: empty strings become absent, metadata keys lower-case (S3 returns them so,
 * other stores may not), and the action's own `s3cfd-` metadata (the content MD5) left out.
 */
function headersFromHead(head) {
    const given = (v) => (v === undefined || v === '' ? undefined : v);
    const out = { metadata: {} };
    const fields = [
        'contentType',
        'cacheControl',
        'contentEncoding',
        'contentLanguage',
        'contentDisposition',
        'websiteRedirectLocation',
    ];
    for (const f of fields) {
        const v = given(head[f]);
        if (v !== undefined)
            out[f] = v;
    }
    for (const [k, v] of Object.entries(head.metadata ?? {})) {
        const key = k.toLowerCase();
        if (!key.startsWith(ACTION_META_PREFIX))
            out.metadata[key] = v;
    }
    return out;
}
/** A media type parsed for comparison: lower-case type/subtype and parameter names, charset value lower-case. */
function parseMediaType(value) {
    if (value === undefined)
        return { essence: '', params: [] };
    const [head = '', ...rest] = value.split(';');
    const params = rest
        .map((p) => {
        const eq = p.indexOf('=');
        if (eq < 0)
            return p.trim().toLowerCase();
        const name = p.slice(0, eq).trim().toLowerCase();
        let v = p.slice(eq + 1).trim();
        if (v.length >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.slice(1, -1);
        return `${name}=${name === 'charset' ? v.toLowerCase() : v}`;
    })
        .filter((p) => p !== '');
    return { essence: head.trim().toLowerCase(), params };
}
function sameMediaType(a, b) {
    const x = parseMediaType(a);
    const y = parseMediaType(b);
    return x.essence === y.essence && x.params.join(';') === y.params.join(';');
}
/** Content-Encoding tokens compared case-insensitively; `identity` is no encoding. */
function encodingOf(v) {
    return (v ?? '')
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== '' && t !== 'identity')
        .join(',');
}
const norm = (v) => (v ?? '').trim();
/**
 * Whether an object another tool wrote (or an earlier configuration) has other headers than the action would
 * upload it with, i.e. whether adopting it needs a re-upload. Content-Type is compared as a media type
 * (`text/html;charset=UTF-8` equals `text/html; charset=utf-8`), Content-Encoding by its tokens, everything else
 * exactly; user metadata the decision does not set counts as a difference (an upload would drop it).
 */
function headersDiffer(stored, decision) {
    if (!sameMediaType(stored.contentType, decision.contentType))
        return true;
    if (norm(stored.cacheControl) !== norm(decision.cacheControl))
        return true;
    if (encodingOf(stored.contentEncoding) !== encodingOf(decision.contentEncoding))
        return true;
    if (norm(stored.contentLanguage) !== norm(decision.contentLanguage))
        return true;
    if (norm(stored.contentDisposition) !== norm(decision.contentDisposition))
        return true;
    if (norm(stored.websiteRedirectLocation) !== norm(decision.websiteRedirectLocation))
        return true;
    const a = stored.metadata;
    const b = Object.fromEntries(Object.entries(decision.metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
        if (a[k] !== b[k])
            return true;
    return false;
}
/**
 * Same bytes re-uploaded only because its headers changed: must the cached copies be invalidated? Only when
 * the change alters how a client reads the bytes: another media type (type/subtype, case-insensitive; a
 * charset parameter alone does not count), Content-Encoding, Content-Disposition or the redirect location.
 * Cache-Control, Content-Language, metadata or charset-only changes reach clients as the cached copies expire.
 */
function invalidationNeededForHeaderChange(before, after) {
    if (parseMediaType(before.contentType).essence !== parseMediaType(after.contentType).essence)
        return true;
    if (encodingOf(before.contentEncoding) !== encodingOf(after.contentEncoding))
        return true;
    if (norm(before.contentDisposition) !== norm(after.contentDisposition))
        return true;
    if (norm(before.websiteRedirectLocation) !== norm(after.websiteRedirectLocation))
        return true;
    return false;
}
/**
 * Short hash of what decides how a client reads the bytes (media type without parameters, Content-Encoding,
 * Content-Disposition, redirect location), recorded in the ledger so a later headers-only re-upload knows
 * whether the cached copies must be invalidated without reading the old headers back.
 */
function readingHash(h) {
    const reading = [
        parseMediaType(h.contentType).essence,
        encodingOf(h.contentEncoding),
        norm(h.contentDisposition),
        norm(h.websiteRedirectLocation),
    ];
    return shortHash(JSON.stringify(reading));
}
/**
 * First 16 hex digits of the SHA-256 of `text`. A site has a handful of distinct header sets for thousands of
 * files, so the digests are remembered (a bounded cache: cleared when it holds 4,096).
 */
function shortHash(text) {
    let h = digests.get(text);
    if (h === undefined) {
        if (digests.size >= 4096)
            digests.clear();
        h = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 16);
        digests.set(text, h);
    }
    return h;
}
const digests = new Map();

;// CONCATENATED MODULE: ./src/plan/headers.ts
// The headers of a file (Content-Type, Cache-Control and those of the `headers` input): user rules first,
// then defaults. Pure. The `headers` input's parser (header-rules.ts) and the stored-header comparisons
// (stored-headers.ts) are re-exported from here.






const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Browsers revalidate every time; the edge keeps the object until we invalidate it. */
const MUTABLE = 'public, max-age=0, s-maxage=86400, must-revalidate';
const TEXTUAL = new Set([
    'application/javascript',
    'application/json',
    'application/ld+json',
    'application/manifest+json',
    'application/xml',
    'application/rss+xml',
    'application/atom+xml',
    'application/xhtml+xml',
    'image/svg+xml',
]);
function contentTypeFor(relPath) {
    const type = src.getType(relPath) ?? 'application/octet-stream';
    return type.startsWith('text/') || TEXTUAL.has(type) ? `${type}; charset=utf-8` : type;
}
/**
 * Compile the `cache-control` rules and the `headers` rules once; returns a function deciding every header of
 * a file. Per header the first matching rule wins (globs are anchored at the build dir root and match dot
 * paths). Cache-Control: the `cache-control` input first, then `headers` Cache-Control rules, then the
 * defaults (IMMUTABLE for fingerprinted names, else MUTABLE). Content-Type: a `headers` rule (used as given,
 * no charset added), else contentTypeFor. Other headers are set only by a rule.
 */
function headerRules(cacheRules, headerRules = []) {
    const cache = cacheRules.map((r) => ({ ...r, match: picomatch_default()(r.glob, { dot: true }) }));
    const byHeader = new Map();
    const matchers = new Map();
    for (const rule of headerRules) {
        let match = matchers.get(rule.glob);
        if (!match)
            matchers.set(rule.glob, (match = picomatch_default()(rule.glob, { dot: true })));
        const list = byHeader.get(rule.header) ?? [];
        list.push({ rule, match });
        byHeader.set(rule.header, list);
    }
    return (relPath, fingerprinted) => {
        const sources = {};
        const ruleFor = (h) => {
            const hit = byHeader.get(h)?.find((r) => r.match(relPath))?.rule;
            if (hit)
                sources[h] = { kind: 'rule', input: 'headers', glob: hit.glob, line: hit.line };
            return hit;
        };
        const ctRule = ruleFor('Content-Type');
        const contentType = ctRule?.value ?? contentTypeFor(relPath);
        if (!ctRule)
            sources['Content-Type'] = { kind: 'default' };
        let cacheControl;
        let cacheControlSource;
        const cc = cache.find((r) => r.match(relPath));
        const ccRule = cc ? undefined : ruleFor('Cache-Control');
        if (cc) {
            cacheControl = cc.value;
            cacheControlSource = { kind: 'rule', glob: cc.glob };
            sources['Cache-Control'] = { kind: 'rule', input: 'cache-control', glob: cc.glob };
        }
        else if (ccRule) {
            cacheControl = ccRule.value;
            cacheControlSource = { kind: 'rule', glob: ccRule.glob, input: 'headers', line: ccRule.line };
        }
        else {
            cacheControl = fingerprinted ? IMMUTABLE : MUTABLE;
            cacheControlSource = { kind: fingerprinted ? 'default-immutable' : 'default-mutable' };
            sources['Cache-Control'] = { kind: 'default' };
        }
        const d = { contentType, cacheControl, cacheControlSource };
        const encoding = ruleFor('Content-Encoding');
        if (encoding)
            d.contentEncoding = encoding.value;
        const language = ruleFor('Content-Language');
        if (language)
            d.contentLanguage = language.value;
        const disposition = ruleFor('Content-Disposition');
        if (disposition)
            d.contentDisposition = disposition.value;
        const redirect = ruleFor('x-amz-website-redirect-location');
        if (redirect)
            d.websiteRedirectLocation = redirect.value;
        for (const h of byHeader.keys()) {
            if (!h.startsWith(META))
                continue;
            const m = ruleFor(h);
            if (m)
                (d.metadata ??= {})[h.slice(META.length)] = m.value;
        }
        d.sources = sources;
        return d;
    };
}
/** Entry documents are uploaded last, so nothing they reference is missing when they go live. */
function isEntryDocument(relPath) {
    return /\.(html?|xhtml)$/i.test(relPath);
}
/** HTML plus the user's `entry-documents` globs (e.g. a service worker, a JSON manifest the pages load). */
function entryDocumentMatcher(globs) {
    const extra = globs.length === 0 ? () => false : picomatch_default()(globs, { dot: true });
    return (relPath) => isEntryDocument(relPath) || extra(relPath);
}
/** The headers beyond Content-Type and Cache-Control, as sorted [name, value] pairs (empty values left out). */
function extraHeaders(h) {
    const out = [];
    const put = (name, v) => {
        if (v !== undefined && v !== '')
            out.push([name, v]);
    };
    put('content-disposition', h.contentDisposition);
    put('content-encoding', h.contentEncoding);
    put('content-language', h.contentLanguage);
    put('x-amz-website-redirect-location', h.websiteRedirectLocation);
    const meta = Object.entries(h.metadata ?? {})
        .map(([k, v]) => [META + k.toLowerCase(), v])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, v] of meta)
        put(k, v);
    return out;
}
/**
 * Short hash of the effective headers, recorded at upload so a later rule change is detected without HEADs.
 * Covers every header; for an object with only Content-Type and Cache-Control it is the same value as before
 * the `headers` input existed (records written by earlier versions stay valid).
 */
function headersHash(h) {
    const extra = extraHeaders(h);
    const parts = extra.length === 0 ? [h.contentType, h.cacheControl] : [h.contentType, h.cacheControl, extra];
    return shortHash(JSON.stringify(parts));
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 606:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* binding */ pMap)
/* harmony export */ });
/* unused harmony exports pMapSettled, pMapKeyed, pMapSettledKeyed, pMapIterable, pMapSkip, pMapStop */
function pMap(iterable, mapper, options) {
	return mapConcurrently(iterable, mapper, options, false);
}

function pMapSettled(iterable, mapper, options) {
	return mapConcurrently(iterable, mapper, options, true);
}

function pMapKeyed(input, mapper, options) {
	return mapKeyed(input, mapper, options, false);
}

function pMapSettledKeyed(input, mapper, options) {
	return mapKeyed(input, mapper, options, true);
}

// Like `Promise.allKeyed` and `Promise.allSettledKeyed`, with a mapper, and for a `Map` too. Each value travels with its key, so a skipped key, which leaves no slot in the result, cannot shift the keys after it.
async function mapKeyed(input, mapper, options, isSettled) {
	const entries = getKeyedEntries(input);

	// After the values have their handlers, like the other argument errors, which `mapConcurrently` checks. It cannot check this one, as it gets the wrapper below as its mapper.
	if (typeof mapper !== 'function') {
		throw new TypeError('Mapper function is required');
	}

	const mappedEntries = await mapConcurrently(entries, async ([key, inputResult]) => {
		try {
			if (inputResult.status === 'rejected') {
				throw inputResult.reason;
			}

			const result = await mapper(inputResult.value, key);

			if (result === pMapSkip || result === pMapStop) {
				return result;
			}

			return [key, isSettled ? {status: 'fulfilled', value: result} : result];
		} catch (error) {
			if (!isSettled) {
				throw error;
			}

			return [key, {status: 'rejected', reason: error}];
		}
	}, options, false);

	if (input instanceof Map) {
		return new Map(mappedEntries);
	}

	// A null prototype, like `Promise.allKeyed`, so a key like `__proto__` or `toString` is an own property like any other.
	return Object.setPrototypeOf(Object.fromEntries(mappedEntries), null);
}

// The engine behind all the functions, except `pMapIterable`. With `isSettled`, an element or a mapper that rejects gives a `{status: 'rejected'}` result instead of an error, like `Promise.allSettled`, so `stopOnError` does not apply.
async function mapConcurrently(
	iterable,
	mapper,
	{
		concurrency = Number.POSITIVE_INFINITY,
		stopOnError = true,
		signal,
	} = {},
	isSettled,
) {
	return new Promise((resolve_, reject_) => {
		validateOptions(iterable, mapper, concurrency);

		const result = [];
		// Stage the errors by index, like `result`, so they are reported in input order.
		const errors = [];
		let skippedCount = 0;
		let isResolved = false;
		let isIterableDone = false;
		const pendingIndexes = new Set();
		let doneIndex = Number.POSITIVE_INFINITY;
		let currentIndex = 0;
		const iterator = getIterator(iterable);

		const signalListener = () => {
			reject(signal.reason);
		};

		const cleanup = () => {
			signal?.removeEventListener('abort', signalListener);
		};

		const resolve = value => {
			resolve_(value);
			cleanup();
		};

		const reject = reason => {
			if (isResolved) {
				return;
			}

			isResolved = true;
			reject_(reason);
			cleanup();

			if (!isIterableDone) {
				closeIterator(iterator);
			}
		};

		if (signal) {
			if (signal.aborted) {
				reject(signal.reason);
				return;
			}

			signal.addEventListener('abort', signalListener, {once: true});
		}

		const pull = createPuller(iterator);

		// Settle only once the source is done, or a mapper stopped, and every earlier pull and mapper has finished. A pull before the `done` or the stop can still produce an element, while pulls after it do not affect the result.
		const settleIfFinished = () => {
			if (isResolved || doneIndex === Number.POSITIVE_INFINITY) {
				return;
			}

			for (const index of pendingIndexes) {
				if (index < doneIndex) {
					return;
				}
			}

			if (!stopOnError) {
				const collectedErrors = [];

				for (let index = 0; index < Math.min(doneIndex, errors.length); index++) {
					if (index in errors) {
						collectedErrors.push(errors[index]);
					}
				}

				if (collectedErrors.length > 0) {
					reject(new AggregateError(collectedErrors)); // eslint-disable-line unicorn/error-message
					return;
				}
			}

			isResolved = true;

			// A stop ended the result before the source did, so close it, like `for await` does on a `break`. Not at the stop itself, as a source that settles its `next()` calls out of call order may still owe an earlier element, and closing could drop it.
			if (!isIterableDone) {
				closeIterator(iterator);
			}

			// `done` is final, like `for await`, so a `done` that lands between two elements ends
			// the result there and everything the source produced past it is dropped. A stop cuts it the same way.
			const lastIndex = Math.min(doneIndex, result.length);

			// Every index below `lastIndex` has a value: an index only goes unassigned when its pull reported `done` or its mapper returned `pMapStop`, and the lowest such index is `doneIndex`. So the array is dense below `lastIndex`, and the fast path can hand it over untouched.
			if (lastIndex === result.length && skippedCount === 0) {
				resolve(result);
				return;
			}

			// Otherwise this drops the skipped results and whatever the `done` or the stop cut off.
			resolve(result.slice(0, lastIndex).filter(value => value !== pMapSkip));
		};

		const next = async () => {
			// After a `done` or a stop, a pull would take an item nobody is going to map, which a one-shot source, like a queue, would lose.
			if (isResolved || currentIndex >= doneIndex) {
				return;
			}

			// Take the index when the pull starts, not when it resolves, so a source that settles
			// its `next()` calls out of call order still gets the right position.
			const index = currentIndex++;
			pendingIndexes.add(index);

			let nextItem;
			try {
				nextItem = await pull();
			} catch (error) {
				pendingIndexes.delete(index);

				if (index < doneIndex) {
					throw error;
				}

				settleIfFinished();
				return;
			}

			if (nextItem.done) {
				pendingIndexes.delete(index);
				doneIndex = Math.min(doneIndex, index);
				isIterableDone = true;
				settleIfFinished();
				return;
			}

			// Intentionally detached
			const runner = (async () => {
				try {
					const element = await nextItem.value;

					if (isResolved || index >= doneIndex) {
						return;
					}

					const value = await mapper(element, index);

					// Ignore an item produced after an earlier pull reported `done` or an earlier mapper returned `pMapStop`.
					if (index >= doneIndex) {
						return;
					}

					// A stop ends the result here, like a `done` from the source, so settling waits only for the earlier elements.
					if (value === pMapStop) {
						doneIndex = index;
						return;
					}

					if (value === pMapSkip) {
						skippedCount++;
					}

					result[index] = isSettled && value !== pMapSkip ? {status: 'fulfilled', value} : value;
				} catch (error) {
					if (index >= doneIndex) {
						return;
					}

					if (isSettled) {
						result[index] = {status: 'rejected', reason: error};
					} else if (stopOnError) {
						reject(error);
						return;
					} else {
						errors[index] = error;
					}
				} finally {
					pendingIndexes.delete(index);
					settleIfFinished();
				}

				// If the iterable throws we can't really continue regardless of `stopOnError` state
				// since an iterable is likely to continue throwing after it throws once.
				// If we continue calling `next()` indefinitely we will likely end up
				// in an infinite loop of failed iteration.
				try {
					await next();
				} catch (error) {
					reject(error);
				}
			})();

			// Link the runner to the returned promise, so the async stack trace of a mapper error reaches the caller. Nothing awaits the runner, so the trace would stop there, but V8 follows a reaction that resolves another promise. The link never settles, so it never resolves the returned promise. It is a new promise for each runner, as a shared one would keep a reaction for every element.
			runner.then(() => new Promise(() => {})).then(resolve_);
		};

		// Create the concurrent runners in a detached (non-awaited)
		// promise. We need this so we can await the `next()` calls
		// to stop creating runners before hitting the concurrency limit
		// if the iterable has already been marked as done or a mapper stopped.
		// NOTE: We *must* do this for async iterators otherwise we'll spin up
		// infinite `next()` calls by default and never start the event loop.
		(async () => {
			for (let index = 0; index < concurrency; index++) {
				try {
					// eslint-disable-next-line no-await-in-loop
					await next();
				} catch (error) {
					reject(error);
					break;
				}

				if (isResolved || currentIndex >= doneIndex) {
					break;
				}
			}
		})();
	});
}

function pMapIterable(
	iterable,
	mapper,
	{
		concurrency = Number.POSITIVE_INFINITY,
		backpressure = concurrency,
		preserveOrder = true,
	} = {},
) {
	validateOptions(iterable, mapper, concurrency);

	if (!isLimit(backpressure, concurrency)) {
		throw new TypeError(`Expected \`backpressure\` to be an integer from \`concurrency\` (${concurrency}) and up or \`Infinity\`, got \`${backpressure}\` (${typeof backpressure})`);
	}

	return {
		[Symbol.asyncIterator]() {
			// `isDone` lives outside the generator so the wrapper below can set it the moment the
			// consumer asks to stop. The generator is suspended on a pending `next()` at that point,
			// so its `finally` would not run until much later and workers finishing in the meantime
			// would keep pulling and mapping input for nobody.
			let isDone = false;

			const generator = (async function * () {
				const iterator = getIterator(iterable);

				// Results are consumed from the front with a moving `headIndex` instead of `shift()`.
				// `shift()` moves every remaining entry, which is O(n) per element and made the whole
				// run O(n²) whenever `backpressure` let the array grow, which is the default.
				let promises = [];
				let headIndex = 0;
				let isIterableDone = false;

				// The lowest index whose pull reported `done`. Without `preserveOrder`, the pulls after it have their slots given back, so their errors are dropped.
				let doneIndex = Number.POSITIVE_INFINITY;

				// An element that is being read, or is waiting for a mapper, does not hold a mapper slot, so the next element can be read while the mappers run. Those elements have their own cap of `concurrency`, so the source never sees more than `concurrency` overlapping `next()` calls, even with `backpressure: Infinity`. `backpressure` caps everything in flight together.
				let readingCount = 0;
				let runningMappersCount = 0;

				// The workers waiting for a mapper slot, in the order they started waiting. A finished mapper hands its slot to the oldest one.
				const mapperWaiters = new Map();
				let mapperWaiterCount = 0;
				let wokenMapperWaiterCount = 0;

				const releaseMapperSlot = () => {
					if (wokenMapperWaiterCount === mapperWaiterCount) {
						runningMappersCount--;
						return;
					}

					mapperWaiters.get(wokenMapperWaiterCount)();
					mapperWaiters.delete(wokenMapperWaiterCount++);
				};

				let index = 0;

				// The lowest index whose mapper returned `pMapStop`, or, with `preserveOrder`, whose pull, element, or mapper threw. The stream ends there, like a `break` or a `throw` in a loop. Once it is set, nothing past it is pulled, and no pending element past it is mapped, while the earlier elements still finish and are yielded first. `isDone` cannot do this, as it would drop the values of the earlier elements too.
				let stopIndex = Number.POSITIVE_INFINITY;

				// Without `preserveOrder`, each spawn still takes a slot in `promises`, so `backpressure` counts the same, but the slots are filled in the order the workers settle rather than the order they were spawned in, so the consumer gets whichever result is ready first. A worker always fills the oldest empty slot, at `fillIndex`. An empty slot is `undefined`, and a filled one holds the result itself rather than a promise, so a result costs a promise only when the consumer has to wait for it, through `wake`.
				let fillIndex = 0;
				let wake;

				// The indexes of the pulls whose worker has not filled a slot yet, without `preserveOrder`.
				const unfilledIndexes = new Set();

				// The consumer waits only when the head is empty, and then the oldest empty slot is the head, so the first fill wakes it.
				const fillSlot = result => {
					promises[fillIndex++] = result;
					wake?.(result);
					wake = undefined;
				};

				const pull = createPuller(iterator);

				function trySpawn() {
					// Do not spawn once the consumer is gone, the source is done, or the stream ends at an earlier element. The pull would be wasted work, and for a one-shot source, like a queue, it takes an item nobody is going to ask for.
					if (isDone || isIterableDone || index > stopIndex || readingCount >= concurrency || promises.length - headIndex >= backpressure) {
						return;
					}

					readingCount++;

					// Take the index when the pull starts, not when it resolves, so a source that
					// settles its `next()` calls out of call order still gets the right position.
					const currentIndex = index++;

					// Errors must be returned as a value instead of rejecting, otherwise a promise that
					// the consumer abandons after an earlier error becomes an unhandled rejection.
					const promise = (async () => {
						try {
							let element;
							try {
								const {done, value} = await pull();

								if (done) {
									isIterableDone = true;
									doneIndex = Math.min(doneIndex, currentIndex);
									return {done: true};
								}

								// Spawn if still below the reading and backpressure limits
								trySpawn();

								element = await value;

								if (runningMappersCount < concurrency) {
									runningMappersCount++;
								} else {
									// `releaseMapperSlot` hands the slot over without decrementing `runningMappersCount`, so it is already counted.
									await new Promise(resolve => {
										mapperWaiters.set(mapperWaiterCount++, resolve);
									});
								}
							} finally {
								readingCount--;
							}

							// Spawn now that this element is no longer waiting for a mapper, so the next one is read while this one is mapped
							trySpawn();

							let returnValue;
							try {
								// The consumer stopped iterating, or the stream ends before this element, while this element was being read or waiting for a mapper, so drop it instead of doing work nobody will consume.
								if (isDone || currentIndex > stopIndex) {
									return {done: false, value: pMapSkip};
								}

								returnValue = await mapper(element, currentIndex);
							} finally {
								releaseMapperSlot();
							}

							if (returnValue === pMapStop) {
								stopIndex = Math.min(stopIndex, currentIndex);
							}

							return {done: false, value: returnValue};
						} catch (error) {
							// With `preserveOrder`, the error is thrown at its own position, after the results before it, so those still finish. Without it, the error is thrown as soon as it settles, so nothing still pending can be yielded anymore.
							// An error from a pull after the end of the source is dropped, as `done` is final, so it must have no effect. `doneIndex` is set before the worker that saw `done` settles, so its slot hand-back runs before the delivery check of any error that sees it here, and the two always agree.
							if (preserveOrder) {
								stopIndex = Math.min(stopIndex, currentIndex);
							} else if (currentIndex < doneIndex) {
								isDone = true;
							}

							return {error};
						}
					})();

					if (preserveOrder) {
						promises.push(promise);
						return;
					}

					promises.push(undefined);

					unfilledIndexes.add(currentIndex);

					// The worker never rejects, as errors are returned as a value.
					// The slot is filled here, a tick after the worker settles, rather than by the worker itself, for the same reason the consumer awaits a filled slot: so the consumer never runs, and pulls, earlier.
					promise.then(result => {
						// The slot was already given back, as the pull came after the end of the source.
						if (!unfilledIndexes.delete(currentIndex)) {
							return;
						}

						if (result.done) {
							// The pulls made after this one came after the end of the source, and a source like a queue may never answer them, so give their slots back now instead of waiting on them.
							for (const unfilledIndex of unfilledIndexes) {
								if (unfilledIndex > currentIndex) {
									unfilledIndexes.delete(unfilledIndex);
									fillSlot({done: true});
								}
							}
						}

						fillSlot(result);
					});
				}

				trySpawn();

				try {
					while (headIndex < promises.length) {
						// Without `preserveOrder`, a filled slot holds the result itself, and it is still awaited. That takes one tick, like awaiting a settled promise, so the consumer, and its `trySpawn()`, never run earlier than with a promise in the slot. Taking a ready result without the tick can make the consumer pull before it sees a stop or the end of the source, and a one-shot source, like a queue, would lose that item.
						// eslint-disable-next-line no-await-in-loop
						const result = await (promises[headIndex] ?? new Promise(resolve => {
							wake = resolve;
						}));
						const {done, value} = result;

						// Release the entry instead of leaving it for a `shift()` to move, and drop the
						// consumed prefix once it is at least half the array. That keeps the backing
						// store proportional to the results still in flight rather than to the total
						// ever spawned, which matters for an endless source, while costing one copy per
						// half of the array, so it stays O(1) per element.
						promises[headIndex] = undefined;
						headIndex++;

						if (headIndex * 2 >= promises.length) {
							promises = promises.slice(headIndex);
							fillIndex -= headIndex;
							headIndex = 0;
						}

						if (Object.hasOwn(result, 'error')) {
							throw result.error;
						}

						if (done) {
							// Without `preserveOrder`, the `done` can arrive while other workers are still running.
							if (preserveOrder) {
								return;
							}

							continue;
						}

						// The stream ends where the stop would have been yielded: after the earlier elements with `preserveOrder`, and after the results that were ready before it without.
						if (value === pMapStop) {
							return;
						}

						// Spawn if just dropped below the backpressure limit and still below the reading limit
						trySpawn();

						// A `pMapSkip` result stays in `promises` and is stepped over here. Splicing it out
						// in the worker instead would make every skip an O(n) scan and move, so a run of
						// skips would be O(n²).
						if (value === pMapSkip) {
							continue;
						}

						yield value;
					}
				} finally {
					// Stop pulling input once the consumer stops iterating, otherwise pending skipped mappers keep spawning work.
					isDone = true;

					if (!isIterableDone) {
						closeIterator(iterator);
					}
				}
			})();

			// Override `return()` and `throw()` on the generator itself instead of wrapping it, so it
			// keeps what it inherits, like `Symbol.asyncDispose` for `await using`, and `next()` stays
			// the native one. Plain functions, not `async`: the generator already returns a promise,
			// and an `async` function would wrap it in two more promises and two more microtask hops.
			const {return: generatorReturn, throw: generatorThrow} = generator;

			generator.return = value => {
				isDone = true;
				return generatorReturn.call(generator, value);
			};

			generator.throw = error => {
				isDone = true;
				return generatorThrow.call(generator, error);
			};

			return generator;
		},
	};
}

const pMapSkip = Symbol('skip');

const pMapStop = Symbol('stop');

// The checks `pMap` and `pMapIterable` share, so both reject the same input the same way.
// `mapConcurrently` runs this inside its promise, so a bad argument rejects rather than throws.
function validateOptions(iterable, mapper, concurrency) {
	// Optional chaining, so a nullish input gets this message rather than Node's internal
	// "null is not iterable".
	if (iterable?.[Symbol.iterator] === undefined && iterable?.[Symbol.asyncIterator] === undefined) {
		throw new TypeError(`Expected \`input\` to be either an \`Iterable\` or \`AsyncIterable\`, got (${typeof iterable})`);
	}

	if (typeof mapper !== 'function') {
		throw new TypeError('Mapper function is required');
	}

	if (!isLimit(concurrency, 1)) {
		throw new TypeError(`Expected \`concurrency\` to be an integer from 1 and up or \`Infinity\`, got \`${concurrency}\` (${typeof concurrency})`);
	}
}

// Whether the value is an integer from `minimum` and up, or `Infinity`, as `concurrency` and `backpressure` must be.
function isLimit(value, minimum) {
	return (Number.isSafeInteger(value) && value >= minimum) || value === Number.POSITIVE_INFINITY;
}

// Read the entries of a `Map`, or else the own enumerable keys, strings and symbols, in the order and the way `Promise.allKeyed` does, all up front. Each value gets a handler right away, also like `Promise.allKeyed`, so a value that rejects before a mapper slot reaches it is not an unhandled rejection.
function getKeyedEntries(input) {
	if (input === null || (typeof input !== 'object' && typeof input !== 'function')) {
		throw new TypeError(`Expected \`input\` to be an object, got (${input === null ? 'null' : typeof input})`);
	}

	const entries = [];

	const addEntry = (key, value) => {
		// Resolve the whole entry, so the engine checks termination after the value settles and before the mapper runs.
		entries.push(Promise.resolve(value).then(
			value => [key, {status: 'fulfilled', value}],
			error => [key, {status: 'rejected', reason: error}],
		));
	};

	if (input instanceof Map) {
		for (const [key, value] of input) {
			addEntry(key, value);
		}
	} else {
		for (const key of Reflect.ownKeys(input)) {
			if (Object.getOwnPropertyDescriptor(input, key)?.enumerable) {
				addEntry(key, input[key]);
			}
		}
	}

	return entries;
}

// Take the async iterator when the input has both, like `for await` does.
function getIterator(iterable) {
	return iterable[Symbol.asyncIterator] === undefined ? iterable[Symbol.iterator]() : iterable[Symbol.asyncIterator]();
}

// Close the source so it can release its resources, like `for await` does.
// Callers must not await this so a source that is blocked in `next()` cannot block them.
async function closeIterator(iterator) {
	try {
		await iterator.return?.();
	} catch {}
}

// Pull the next item, and stop pulling once the source has reported `done`: a source like a queue
// may block in `next()` after it is exhausted, which would hang the caller. `done` is final, like
// `for await`, so anything the source produces after it is dropped.
function createPuller(iterator) {
	let isSourceDone = false;

	// A sync iterable, like an array, answers right away, so `done` can be seen here. An async
	// iterable is seen in the `then` below, as soon as its pull settles.
	const markDone = item => {
		if (item?.done) {
			isSourceDone = true;
		}
	};

	return () => {
		if (isSourceDone) {
			return {done: true};
		}

		const result = iterator.next();
		markDone(result);

		// A sync iterable, like an array, answers right away, so `done` has been read already and
		// the result can go back untouched.
		if (typeof result?.then !== 'function') {
			return result;
		}

		// An async iterable settles later, so `done` is read off the pull once it does. That is a
		// branch of its own, which leaves the caller awaiting the pull itself rather than a promise
		// derived from it, so an async source does not pay an extra microtask per element. The
		// rejection is handled here as well as by the caller, so a pull cannot escape as an
		// unhandled rejection. A thenable that is not a promise is turned into one first, so it is
		// subscribed to once, like `for await` does, while a native promise is returned as is.
		const promise = Promise.resolve(result);
		promise.then(markDone, () => {});

		return promise;
	};
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map