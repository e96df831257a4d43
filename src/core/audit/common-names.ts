// Identifiers too common to mean anything when searched across a repository: a removed `get` or `data` leaves
// references that belong to something else. Checked case-insensitively.
const COMMON = `
id ids name names data value values key keys item items type types kind result results res req request response
err error errors e ex exc msg message args kwargs opts options option config cfg settings params param ctx context
self this cls obj object list dict map set get put post del delete update create remove add append push pop insert
read write open close run start stop init new main test setup teardown call apply execute handle handler callback cb
fn func f g h i j k n m x y z a b c d s t v w len size count index idx path file files dir url uri host port user users
text str string int float bool bytes buf buffer line lines row rows col cols node nodes parent child children root tree
event events state status info debug warn log logger time date now timeout limit offset page total sum min max
input output inputs outputs source target src dst from to out in ok done next prev first last all any none null nil
client server conn connection session db query model models view views filter filters sort order format parse load
save dump loads dumps render build make clone copy equals hash eq lt gt le ge cmp compare contains has is to_string
tostring fmt display default new_ with into as_ref as_str unwrap iter next_ len_ __init__ __call__ __repr__ __str__
__eq__ __hash__ __len__ __iter__ __enter__ __exit__ __getitem__ __setitem__ __post_init__ string_ constructor props
children style class_name classname component element el elem event_ handler_ on off emit listen reset clear flush
sync async await wait resolve reject then catch finally promise future task tasks job jobs worker workers queue
`;

const NAMES = new Set(COMMON.split(/\s+/).filter(Boolean).map((name) => name.toLowerCase()));

export function isCommonName(name: string): boolean {
  return NAMES.has(name.toLowerCase());
}

/**
 * A name worth searching for across the repository: not common, and specific enough (snake_case, camelCase or
 * PascalCase with two words, or at least 8 characters) that another meaning for it is unlikely.
 */
export function isDistinctiveName(name: string): boolean {
  if (name.length < 4 || isCommonName(name)) return false;
  const bare = name.replace(/^_+|_+$/g, "");
  if (bare.length < 4) return false;
  if (/[a-z0-9]_[a-zA-Z0-9]/.test(bare) || /[a-z0-9][A-Z]/.test(bare)) return true;
  return bare.length >= 8;
}
