"""Where people's names are in a comment, in any of the project's languages and scripts.

Three kinds of evidence, strongest first:
- a phrase that introduces a name: "her name is", "called", "Mrs", "nazywa się", "اسمه", "નામ";
- a word for a relative or a worker: "my son", "my social worker", "mój syn", "میرا بیٹا", "ابني";
- a given name or surname from name_lists, wherever it stands.
After a title or a relation word a capitalised word is taken as a name; in scripts without capitals (Arabic,
Urdu, Indic) only a listed name is, because in those languages an adjective or verb usually follows the noun.
A name's following capitalised words are taken with it (a surname).
"""
from __future__ import annotations

import re

from .name_lists import AMBIGUOUS_WORDS, LOWER_CASE_WORDS, NAMES

# Combining marks are not \w in Python, but Arabic, Urdu and Indic words are full of them.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff"
# A possessive "'s" is left outside the word, so "Jamal's mum" becomes "[name]'s mum".
_WORD = rf"[\w{_MARKS}]+(?:['’\-](?![sS](?![\w{_MARKS}]))[\w{_MARKS}]+)*"
_TOKEN = re.compile(_WORD)
_NOT_AFTER_WORD = rf"(?<![\w{_MARKS}])"
_GAP = re.compile(r"[ \t]*[,:–-]?[ \t]*")  # between a trigger and a name: "my son, Jamal" / "name: Aisha"
_SPACE = re.compile(r"[ \t]+")

STRONG, CONTEXT = "strong", "context"

# Phrases after which the next word is a name, whatever its case ("her name is aisha").
_NAMING = r"""
name\s+is | name's | known\s+as | my\s+name\s+is
| nazywa\s+się | nazywam\s+się | ma\s+na\s+imię | na\s+imię | się\s+nazywa
| se\s+nume[șs]te | pe\s+nume | numele\s+(?:lui|ei|meu)\s+(?:este|e)
| chama-se | se\s+chama | de\s+nome | chamad[oa] | o\s+nome\s+(?:dele|dela)\s+é
| magaciisu\s+waa | magaceedu\s+waa | magacaygu\s+waa | magaciisa | magaceeda | la\s+yiraahdo | la\s+yidhaahdo
| اسمه | اسمها | اسمي | يدعى | تدعى | المدعو | المدعوة | نام
| નામ | ਨਾਮ | ਨਾਂ | নাম
"""

_EN_ROLES = r"""
(?:social|support|care|key|case|family\s+support|youth|outreach|link|housing|mental\s+health)\s*worker | worker
| social\s+worker | caseworker | keyworker | advocate | idva | isva | nurse | doctor | gp | therapist
| counsell?or | teacher | manager | officer | police\s+officer | practitioner | chair | solicitor | lawyer
| landlord | landlady | interpreter | translator | psychiatrist | psychologist | health\s+visitor | midwife
| mentor | befriender | volunteer | cpn | physio | carer | son | daughter | husband | wife | partner
| boyfriend | girlfriend | fianc[ée]e? | mum | mom | mother | dad | father | brother | sister | stepson
| stepdaughter | stepdad | stepmum | stepfather | stepmother | grandson | granddaughter | grandchild
| grandma | grandmother | grandad | granddad | grandpa | grandfather | nan | nana | nanny | gran | uncle
| aunt | auntie | aunty | cousin | nephew | niece | child | kid | baby | twin | friend | neighbou?r
| children | kids | sons | daughters | grandchildren | brothers | sisters
"""
_EN_DETERMINERS = r"(?:(?:my|his|her|our|their|your|the|a|an)\s+)?"
_EN_ADJECTIVES = (r"(?:(?:new|old|previous|current|lovely|first|last|former|eldest|oldest|youngest|younger|"
                  r"older|little|baby|big|step|ex|late|dear|own|only|main|allocated|wonderful|amazing)\s+|ex-)*")

# Words after which a capitalised word, or a listed name, is taken as a name ("Mrs Begum", "my son jamal";
# not "my named nurse" or "see Dr quicker").
_RELATIONS = rf"""
{_EN_DETERMINERS}{_EN_ADJECTIVES}(?:{_EN_ROLES}) | called | named | thanks(?:\s+to)? | thank\s+you(?:\s+to)?
| mr\.? | mrs\.? | ms\.? | mx\.? | miss | dr\.? | prof\.? | professor
| dear | hi | hello
| (?:mój|moja|moje|mojego|mojej|mojemu|moim|moją|jego|jej|nasz|nasza|naszego|naszej)\s+
  (?:syn|syna|synem|synowi|córka|córki|córką|córce|mąż|męża|mężem|żona|żony|żoną|mama|mamy|mamą|matka|matki
   |tata|taty|tatą|ojciec|ojca|brat|brata|bratem|siostra|siostry|siostrą|partner|partnera|partnerka|partnerki
   |babcia|babci|dziadek|dziadka|wnuk|wnuczka|dziecko|dziecka|przyjaciel|przyjaciółka|kolega|koleżanka
   |sąsiad|sąsiadka|opiekun|opiekunka|pracownik\s+socjalny|pracownica\s+socjalna|pracownika\s+socjalnego
   |pracownicy\s+socjalnej|lekarz|lekarka|pielęgniarka|adwokat|rzecznik|terapeuta|terapeutka)
| pan | pani | pana | panią | panem | panu | panie
| (?:fiul|fiica|soțul|sotul|soția|sotia|mama|tatăl|tatal|tata|fratele|sora|bunica|bunicul|nepotul|nepoata
   |prietenul|prietena|partenerul|partenera|asistentul\s+social|asistenta\s+socială|asistenta\s+sociala
   |asistentul|asistenta|medicul|doctorul|doctorița|avocatul|avocata|consilierul|consiliera)
  \s+(?:meu|mea|lui|ei|nostru|noastră|noastra)
| domnul | doamna | dl\.? | dna\.? | d-na | d-l | doamnei | domnului
| (?:meu|minha|seu|sua|nosso|nossa)\s+
  (?:filho|filha|marido|esposa|esposo|mulher|mãe|mae|pai|irmão|irmao|irmã|irma|avó|avô|avo|neto|neta|namorado
   |namorada|companheiro|companheira|parceiro|parceira|amigo|amiga|vizinho|vizinha|assistente\s+social
   |técnico|técnica|enfermeira|enfermeiro|médico|médica|advogado|advogada|cuidador|cuidadora)
| senhor | senhora | sr\.? | sra\.? | dona | doutor | doutora | dra\.?
| wiilkayga | wiilkeyga | gabadhayda | gabadheyda | inantayda | ninkayga | ninkeyga | xaaskayga | xaaskeyga
| hooyaday | hooyadey | aabahay | aabbahay | walaalkay | walaalkey | walaashay | walaashey | ilmahayga
| saaxiibkay | saaxiibtay | mudane | marwo | marwada
| (?:میرا|میری|میرے|اس\s+کا|اس\s+کی|اس\s+کے|ہمارا|ہماری|ہمارے)\s+
  (?:بیٹا|بیٹے|بیٹی|شوہر|بیوی|اہلیہ|ماں|امی|والدہ|والد|ابو|بھائی|بہن|پوتا|پوتی|نواسا|نواسی|دوست|سہیلی|بچہ|بچے
   |بچی|پارٹنر|سوشل\s+ورکر|ورکر|ڈاکٹر|نرس|ٹیچر|دادی|دادا|نانی|نانا|خالہ|چچا|ماموں)
| مسٹر | مسز | ڈاکٹر | سوشل\s+ورکر
| ابني | ابنتي | بنتي | زوجي | زوجتي | أمي | أبي | والدي | والدتي | أخي | اخي | أختي | اختي | حفيدي | حفيدتي
| صديقي | صديقتي | جاري | جارتي | طفلي | طفلتي | ابنه | ابنها | ابنته | ابنتها | زوجها | زوجته
| السيد | السيدة | الدكتور | الدكتورة | الأستاذ | الأستاذة | الاستاذ | الاستاذة | الأخصائي\s+الاجتماعي
| الأخصائية\s+الاجتماعية | الاخصائية\s+الاجتماعية | الممرضة | المحامي | المحامية
| (?:મારો|મારી|મારા|તેનો|તેની|તેના|અમારો|અમારી|અમારા)\s+
  (?:દીકરો|દીકરી|પુત્ર|પુત્રી|પતિ|પત્ની|મા|માતા|બા|પિતા|પપ્પા|ભાઈ|બહેન|બેન|પૌત્ર|પૌત્રી|મિત્ર|બાળક|સોશિયલ\s+વર્કર
   |વર્કર|ડૉક્ટર|નર્સ)
| શ્રી | શ્રીમતી | ડૉ\.?
| (?:ਮੇਰਾ|ਮੇਰੀ|ਮੇਰੇ|ਉਸਦਾ|ਉਸਦੀ|ਉਸਦੇ|ਉਸ\s+ਦਾ|ਉਸ\s+ਦੀ|ਸਾਡਾ|ਸਾਡੀ)\s+
  (?:ਪੁੱਤਰ|ਪੁੱਤ|ਬੇਟਾ|ਧੀ|ਬੇਟੀ|ਪਤੀ|ਘਰਵਾਲਾ|ਪਤਨੀ|ਘਰਵਾਲੀ|ਮਾਂ|ਮਾਤਾ|ਪਿਤਾ|ਭਰਾ|ਭੈਣ|ਪੋਤਾ|ਪੋਤੀ|ਦੋਸਤ|ਬੱਚਾ|ਸੋਸ਼ਲ\s+ਵਰਕਰ
   |ਵਰਕਰ|ਡਾਕਟਰ|ਨਰਸ)
| ਸ੍ਰੀ | ਸ੍ਰੀਮਤੀ | ਸ਼੍ਰੀਮਤੀ
| (?:আমার|তার|ওর|আমাদের|ওনার|তাঁর)\s+
  (?:ছেলে|মেয়ে|স্বামী|স্ত্রী|বউ|মা|আম্মা|আম্মু|বাবা|আব্বা|আব্বু|ভাই|বোন|নাতি|নাতনি|বন্ধু|বাচ্চা|সোশ্যাল\s+ওয়ার্কার
   |ওয়ার্কার|ডাক্তার|নার্স)
| জনাব | মিসেস | মিস্টার
"""


def _trigger(alternatives: str) -> re.Pattern:
    return re.compile(rf"{_NOT_AFTER_WORD}(?:{alternatives})(?=[\s,:–-])", re.IGNORECASE | re.VERBOSE)


_TRIGGERS = ((_trigger(_NAMING), STRONG), (_trigger(_RELATIONS), CONTEXT))
_CONNECTORS = frozenset("and & or i oraz și si e y iyo oo اور و ও আর અને ਅਤੇ".split())

# Capitalised words that are not names: function words, days and months, and the services people mention.
STOPWORDS = frozenset("""
i i'm i've i'd i'll a an the and but or so if as at by for from in into of on to up with without about after
before over under again also always never not no yes yet very really too just only even still then than that
this these those there here where when what which who whom whose why how all any both each every some such
my me we us our you your he him his she her they them their it its is are was were be been being am has have
had do does did done can could will would shall should may might must get got go went gone come came say said
tell told ask asked help helped please thank thanks thankyou cheers sorry hello hi dear ok okay well good great
nice lovely kind happy sad bad poor best better worst worse excellent amazing brilliant fantastic perfect
nothing everything something anything nobody everybody someone anyone none more most less least much many lot
lots little few one two three four five six seven eight nine ten first second last next new old same other
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow morning afternoon evening
january february march april june july august september october november december christmas easter eid
nhs gp a&e council social services service team police court school hospital ward clinic surgery practice
centre center unit department office trust board agency charity housing home care support worker workers
safeguarding adult adults children child family families meeting meetings conference plan review assessment
mr mrs ms miss dr sir madam mum dad mother father son daughter brother sister husband wife partner
however although because while whilst since until unless though overall generally honestly maybe perhaps
nie tak i w z na do że się jest był była było są to ten ta te mi mnie mój moja bardzo dziękuję dzięki
nu da și si în la cu pe de este a fost sunt eu el ea foarte mulțumesc multumesc bine
não nao sim e o os as um uma em no na com por para que foi é muito obrigado obrigada bem
waa iyo ku ka la oo ma haa maya aad aan si wax ayaa ayey mahadsanid
ہے ہیں تھا تھی تھے کا کی کے نے کو سے میں پر اور کیا بھی نہیں تو بتایا لکھا لیا دیا گیا ہوا
في على من إلى الى هو هي و لا غير كان كانت
છે હતું હતો હતી શું નથી અને માં પણ
ਹੈ ਸੀ ਕੀ ਨਹੀਂ ਅਤੇ ਵਿੱਚ ਵੀ
কি কী হলো ছিল নেই এবং ও না
""".split())

_SHOUTING_SHARE = 0.7


def _has_case(token: str) -> bool:
    return token.lower() != token.upper()


def _capitalised(token: str, shouting: bool) -> bool:
    if not token[0].isupper():
        return False
    return shouting is False or not token.isupper()


def _key(token: str) -> str:
    """How a word is looked up in the lists: "Sarah-Jane" and "Anne-Marie" as their first part."""
    key = token.casefold()
    first = key.split("-", 1)[0]
    return first if first != key and first in NAMES else key


def _is_candidate(token: str, strength: str, shouting: bool) -> bool:
    """May this word, right after a trigger of this strength, be a name?"""
    key = _key(token)
    if key in AMBIGUOUS_WORDS and (not _has_case(token) or _capitalised(token, shouting)):
        return True  # "my daughter Grace", "Mrs May", "ابني عمر"
    if key in STOPWORDS or any(ch.isdigit() for ch in token):
        return False
    if key in NAMES:
        return True
    if _has_case(token) and _capitalised(token, shouting):
        return True
    return strength == STRONG


def _is_listed(token: str, shouting: bool) -> bool:
    """A name on its own evidence, without a trigger before it."""
    key = _key(token)
    if key not in NAMES or (len(token) > 1 and token.isupper() and not shouting):
        return False  # capitals among lower case are an acronym (the "TED" or "DESMOND" programme)
    if not _has_case(token) or _capitalised(token, shouting):
        return True
    return len(token) >= 4 and key not in LOWER_CASE_WORDS


def _is_surname(token: str, shouting: bool) -> bool:
    key = _key(token)
    if key in STOPWORDS or any(ch.isdigit() for ch in token):
        return False
    return key in NAMES or (_has_case(token) and _capitalised(token, shouting))


def _shouting(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha() and _has_case(ch)]
    return bool(letters) and sum(ch.isupper() for ch in letters) > _SHOUTING_SHARE * len(letters)


def _next_token(text: str, position: int, gap: re.Pattern) -> re.Match | None:
    space = gap.match(text, position)
    return _TOKEN.match(text, space.end()) if space else None


def _with_surnames(text: str, first: re.Match, shouting: bool) -> list[tuple[int, int]]:
    """The name's span, grown over up to two following name-like words (surnames)."""
    start, end = first.span()
    for _ in range(2):
        following = _next_token(text, end, _SPACE)
        if following is None or not _is_surname(following.group(), shouting):
            break
        end = following.end()
    return [(start, end)]


def _named_after(text: str, position: int, strength: str, shouting: bool) -> list[tuple[int, int]]:
    """Names right after a trigger, including a second one joined by "and" ("my children Aisha and Omar")."""
    candidate = _next_token(text, position, _GAP)
    if candidate is None or not _is_candidate(candidate.group(), strength, shouting):
        return []
    spans = _with_surnames(text, candidate, shouting)
    connector = _next_token(text, spans[-1][1], _GAP)
    if connector is not None and connector.group().casefold() in _CONNECTORS:
        spans += _named_after(text, connector.end(), strength, shouting)
    return spans


def find_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of every name found, sorted, overlapping spans merged."""
    shouting = _shouting(text)
    spans: list[tuple[int, int]] = []
    for pattern, strength in _TRIGGERS:
        for trigger in pattern.finditer(text):
            spans += _named_after(text, trigger.end(), strength, shouting)
    for token in _TOKEN.finditer(text):
        if _is_listed(token.group(), shouting):
            spans += _with_surnames(text, token, shouting)
    return _merged(text, spans)


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans, and spans with only spaces between them, become one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip(" \t")):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
