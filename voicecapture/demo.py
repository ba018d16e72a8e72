"""Synthetic demo data: fictional boards and realistic-looking responses. No real people or places."""
from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import Optional, Sequence

from flask import current_app

from . import analysis
from .data import boards, responses
from .models import Board, utcnow
from .quarters import Quarter, quarter_of
from .surveys.logic import is_visible
from .surveys.model import Question, Survey

DEMO_BOARDS = [
    dict(slug="northvale-sab", name="Northvale Safeguarding Adults Board", kind="adults", help_phone="0300 555 0101",
         help_text="Monday to Friday, 9am to 5pm.", surveys=("msp-adult", "feel-safer")),
    dict(slug="northvale-scp", name="Northvale Safeguarding Children Partnership", kind="children",
         help_phone="0300 555 0102", help_text="Monday to Friday, 9am to 5pm.",
         surveys=("child-review", "parent-conference")),
    dict(slug="eastmere-sab", name="Eastmere Safeguarding Adults Board", kind="adults", help_phone="0300 555 0199",
         help_text="Open every day, 8am to 8pm.", surveys=("msp-adult", "feel-safer")),
]

AGENCIES = ["Adult Social Care", "Police", "Community Health", "Mental Health Trust", "Housing", "Children's Social Care"]
AREAS = ["North", "South", "East", "West", "Rural"]
RISK_TYPES = ["physical", "psychological", "financial", "neglect", "domestic_abuse", "self_neglect", "sexual"]
RISK_LOCATIONS = ["own_home", "own_home", "care_home", "community", "hospital"]
# Only the languages enabled on this install are used (each needs its catalogue in translations/).
LANGUAGE_WEIGHTS = {"en": 70, "en-easy": 8, "ur": 8, "gu": 8, "pl": 6, "pa": 4, "bn": 3, "ar": 3, "ro": 3, "pt": 3, "so": 3}
MODE_WEIGHTS = {"self": 70, "with_help": 12, "on_behalf": 10, "phone": 5, "paper": 3}
BATCH = 5000  # responses per transaction: large for fast inserts, small enough to hold the write lock briefly
TEXT_LEFT_BLANK = 0.7  # most people skip the free-text questions; about 4 in 10 responses have a comment

# Which pool of comments answers each free-text question, by the question's code.
COMMENT_KINDS = {"FREE_GOOD": "good", "FREE_BETTER": "better", "FREE_HELP": "safer",
                 "HOUSE_GOOD": "child_good", "HOUSE_WORRIES": "child_worries", "HOUSE_DREAMS": "child_dreams"}

# Invented comments in the words people use, covering the report's themes, good and bad. Some carry personal
# details that de-identification must remove; all are fictional: first names only, Ofcom's drama numbers
# (07700 900xxx, 0116 496 0xxx, 020 7946 0xxx), example.com addresses and the made-up town of Northvale (NV).
COMMENTS = {
    "en": {
        "good": [
            "The social worker listened to me and did what she said she would.", "They explained everything.",
            "I felt believed for the first time.", "Quick response, I was kept informed.",
            "My advocate helped me say what I wanted.", "She actually listened and didn't rush me.",
            "I was asked what I wanted to happen and they stuck to it.",
            "They rang me every week to tell me what was going on.",
            "I feel safer at home now the locks have been changed.",
            "The police officer was kind and took it seriously.",
            "My worker Sarah was brilliant, she never judged me.",
            "They sorted out my money so my nephew can't take it any more.",
            "Having an interpreter at every meeting made a big difference.",
            "I got what I wanted: he is not allowed to visit any more.",
            "Everyone was polite and treated me with respect.",
            "The meeting was at my house so I didn't have to travel.",
            "The chair made sure I had my say at the conference.",
            "They helped me get a new flat away from him.",
            "Tom from the council came quickly and stayed until I felt calm.",
            "The advocate came to every meeting with me.", "They used easy words and checked I understood.",
            "Someone finally took my worries about the care home seriously.",
            "The GP got involved and a nurse visits me now.", "Very professional and very caring.",
            "Everything. I can't thank them enough.", "I was kept in the loop the whole way through.",
            "My daughter Aisha was allowed to come with me, which helped.",
            "They didn't give up on me even when I didn't want help at first.",
            "I had the same worker all the way through, I didn't have to repeat myself.",
            "The report came a week before the meeting so I had time to read it.",
            "They listened to what I wanted, not what my family wanted.", "Good.", "All of it.",
            "They gave me a number to ring if I am worried, 0116 496 0321, and someone always answers.",
        ],
        "better": [
            "I had to wait weeks to hear anything.", "Too many different workers.",
            "Nobody told me what was happening after the meeting.", "The report came the night before.",
            "I still don't feel safe at home.", "Use simpler words please.", "Nothing, it was all fine.",
            "Nothing to improve, thank you.", "Return my calls. I left messages and nobody rang back.",
            "I had three social workers in two months and had to tell my story every time.",
            "They talked to my son more than they talked to me.",
            "I didn't feel believed. They took his word over mine.",
            "The meeting was full of professionals and I felt outnumbered.",
            "I asked for an interpreter and one never came.", "Decisions were made without asking me.",
            "The housing office kept sending me back to social services.",
            "The police never came back to take my statement.", "I would have liked an advocate from the start.",
            "Nobody explained what a section 42 enquiry was.",
            "It is still not sorted. He still has my bank card.",
            "The worker was rude on the phone and made me feel stupid.",
            "Please call me on 07700 900123 before you visit, not after.",
            "Letters should come in large print, I can't read small writing.",
            "The meeting was at 9am and I couldn't get there on the bus.",
            "My worker Kevin left and nobody told me.",
            "More help from the mental health team, I'm still waiting for an appointment.",
            "Write to me at Flat 2, 14 Orchard Close, Northvale NV2 9ZZ, not my old address.",
            "Email me at jo.b@example.com, post goes missing here.",
            "Listen to what the person wants, not what is easiest for you.",
            "It took too long and in the end nothing changed.",
            "Tell people what happens next. I was left wondering for months.",
            "It didn't turn out how I wanted and nobody explained why.",
            "Be on time. The worker was late to every visit.",
            "The number on the letter never answers.", "Not everything was explained in my language.",
            "More support for carers like me.",
        ],
        "safer": [
            "Better locks on the doors and a light outside.", "If he wasn't allowed near my flat.",
            "Someone checking on me once a week.", "A pendant alarm I can press if I fall or someone comes in.",
            "Knowing who to call at night.", "Moving to a ground floor flat away from the people upstairs.",
            "The police answering when I ring 101.", "My son stopping taking my money.",
            "Carers who come on time and are the same people every day.", "Nothing, I feel safe now.",
            "A key safe so I don't have to leave the door open for the carers.",
            "Being listened to when I say something is wrong.", "Help to manage my money so nobody can take it.",
            "Having my advocate with me when I speak to them.",
            "The neighbours stopping shouting at me in the street.", "A camera by the front door.",
            "If the care home had more staff at night.",
            "Ring my daughter Priya on 07700 900456 if anything happens.", "A worker who speaks my language.",
            "Being kept up to date on what the police are doing.",
        ],
        "child_good": [
            "My foster carer listens to me.", "I like my new school and I have friends.",
            "I see my mum every Saturday.", "My social worker Jade takes me for milkshakes and we talk.",
            "Football on Tuesdays.", "I feel safe at my nan's house.",
            "They asked me what I wanted and it happened.", "My advocate came to the meeting with me.",
            "Nothing really.", "Nobody shouts at home any more.",
        ],
        "child_worries": [
            "I worry about my mum when I'm not there.", "I don't know if I can stay here.",
            "My social worker keeps changing.", "People at school know my business.",
            "The meetings have too many people and I don't like talking.",
            "That my brother will get taken away.", "Nobody tells me what is going on.", "Going back home.",
            "Mum is always stressed about money.", "Some kids at school are mean to me online.",
        ],
        "child_dreams": [
            "To live with my sister again.", "To have the same social worker for a long time.",
            "To be asked before decisions are made about me.", "More time with my dad.",
            "To go to college and be a nurse.", "A bedroom of my own.",
            "Meetings after school, not in my lessons.", "Everyone to stop arguing.",
            "Text me on 07700 900789 instead of calling.", "A dog.",
        ],
    },
    "ur": {
        "good": ["انہوں نے میری بات غور سے سنی۔", "مجھے ہر بات سمجھائی گئی۔",
                 "سوشل ورکر نے میری بات پر یقین کیا اور میری مدد کی۔",
                 "ہر میٹنگ میں ترجمان موجود تھا، اس سے بہت فرق پڑا۔",
                 "مجھے ہر ہفتے فون کر کے بتایا جاتا تھا کہ کیا ہو رہا ہے۔",
                 "اب میں گھر میں پہلے سے زیادہ محفوظ محسوس کرتی ہوں۔", "سب نے عزت سے بات کی۔",
                 "میری ورکر عائشہ بہت اچھی تھیں۔", "مجھ سے پوچھا گیا کہ میں کیا چاہتی ہوں۔"],
        "better": ["مجھے بہت انتظار کرنا پڑا۔", "کسی نے مجھے نہیں بتایا کہ آگے کیا ہوگا۔",
                   "ترجمان نہیں آیا، اس لیے میں کچھ سمجھ نہیں سکی۔", "بار بار نیا ورکر آتا رہا۔",
                   "خط انگریزی میں آتے ہیں، اردو میں بھیجیں۔",
                   "میٹنگ میں بہت زیادہ لوگ تھے اور مجھے بولنے کا موقع نہیں ملا۔",
                   "مجھے 07700 900234 پر فون کریں، خط نہ بھیجیں۔", "کچھ نہیں، سب ٹھیک تھا۔"],
        "safer": ["اگر وہ میرے گھر نہ آ سکے تو میں محفوظ محسوس کروں گی۔", "کوئی ہفتے میں ایک بار میرا حال پوچھ لے۔",
                  "دروازے پر اچھے تالے۔", "میرے پیسوں کی حفاظت میں مدد۔"],
        "child_good": ["مجھے اپنا نیا اسکول پسند ہے۔", "میں ہر ہفتے اپنی امی سے ملتا ہوں۔",
                       "میری فوسٹر کیئرر میری بات سنتی ہیں۔"],
        "child_worries": ["مجھے اپنی امی کی فکر رہتی ہے۔", "مجھے نہیں پتا کہ میں یہاں رہ سکوں گا یا نہیں۔",
                          "میرا سوشل ورکر بدلتا رہتا ہے۔"],
        "child_dreams": ["اپنی بہن کے ساتھ دوبارہ رہنا۔", "اپنا ایک الگ کمرہ۔",
                         "میرے بارے میں فیصلے سے پہلے مجھ سے پوچھا جائے۔"],
    },
    "gu": {
        "good": ["તેમણે મારી વાત ધ્યાનથી સાંભળી.", "મને બધું સમજાવવામાં આવ્યું.",
                 "દરેક મીટિંગમાં દુભાષિયો હતો, તેથી ઘણી મદદ મળી.", "સોશિયલ વર્કરે મારી વાત પર વિશ્વાસ કર્યો.",
                 "હવે હું ઘરમાં વધુ સુરક્ષિત અનુભવું છું.", "બધાએ મારી સાથે માનથી વાત કરી.",
                 "મારી વર્કર હેતલબેન ખૂબ સારા હતા."],
        "better": ["મારે ઘણી રાહ જોવી પડી.", "મીટિંગ પછી શું થશે તે કોઈએ કહ્યું નહીં.",
                   "પત્રો ગુજરાતીમાં મોકલો, મને અંગ્રેજી વાંચતા આવડતું નથી.", "ઘણી વાર વર્કર બદલાયા.",
                   "મારા ફોનનો કોઈએ જવાબ આપ્યો નહીં.", "કંઈ નહીં, બધું બરાબર હતું.",
                   "મને 0116 496 0456 પર ફોન કરો."],
        "safer": ["કોઈ અઠવાડિયે એક વાર મારી ખબર પૂછે.", "મારા પૈસા સુરક્ષિત રાખવામાં મદદ.",
                  "રાત્રે કોને ફોન કરવો તે ખબર હોય."],
        "child_good": ["મને મારી નવી શાળા ગમે છે.", "હું દર શનિવારે મમ્મીને મળું છું.",
                       "મારા ફોસ્ટર કેરર મારી વાત સાંભળે છે."],
        "child_worries": ["મને મમ્મીની ચિંતા થાય છે.", "મને ખબર નથી કે હું અહીં રહી શકીશ કે નહીં.",
                          "મારો સોશિયલ વર્કર વારંવાર બદલાય છે."],
        "child_dreams": ["ફરીથી મારી બહેન સાથે રહેવું.", "મારો પોતાનો રૂમ.",
                         "મારા વિશે નિર્ણય લેતા પહેલાં મને પૂછે."],
    },
    "pl": {
        "good": ["Wysłuchano mnie i potraktowano poważnie.", "Wszystko mi wyjaśniono.",
                 "Pani Kasia z opieki społecznej była bardzo miła i cierpliwa.",
                 "Na każdym spotkaniu był tłumacz, to bardzo pomogło.",
                 "Regularnie dzwonili i mówili mi, co się dzieje.", "Czuję się teraz bezpieczniej w domu.",
                 "Zapytali mnie, czego chcę, i tak zrobili.",
                 "Policja szybko przyjechała i potraktowała sprawę poważnie."],
        "better": ["Musiałam długo czekać na odpowiedź.", "Za dużo zmian pracowników.",
                   "Nikt mi nie powiedział, co będzie dalej po spotkaniu.",
                   "Listy były tylko po angielsku, nic nie rozumiałam.",
                   "Nikt nie oddzwonił, chociaż zostawiłam kilka wiadomości.",
                   "Proszę dzwonić pod numer 07700 900567 przed wizytą.", "Nic, wszystko było w porządku.",
                   "Na spotkaniu było za dużo osób i bałam się odezwać."],
        "safer": ["Żeby on nie mógł przychodzić pod moje mieszkanie.", "Lepsze zamki w drzwiach.",
                  "Żeby ktoś zajrzał do mnie raz w tygodniu.", "Pomoc w pilnowaniu moich pieniędzy."],
        "child_good": ["Lubię moją nową szkołę.", "W soboty widzę się z mamą.", "Moja rodzina zastępcza mnie słucha."],
        "child_worries": ["Martwię się o mamę.", "Nie wiem, czy mogę tu zostać.",
                          "Ciągle zmienia się mój pracownik socjalny."],
        "child_dreams": ["Znowu mieszkać z siostrą.", "Mieć własny pokój.",
                         "Żeby pytali mnie o zdanie, zanim coś postanowią."],
    },
    "pa": {
        "good": ["ਉਨ੍ਹਾਂ ਨੇ ਮੇਰੀ ਗੱਲ ਧਿਆਨ ਨਾਲ ਸੁਣੀ।", "ਮੈਨੂੰ ਸਭ ਕੁਝ ਸਮਝਾਇਆ ਗਿਆ।",
                 "ਹਰ ਮੀਟਿੰਗ ਵਿੱਚ ਦੁਭਾਸ਼ੀਆ ਸੀ।", "ਹੁਣ ਮੈਂ ਘਰ ਵਿੱਚ ਜ਼ਿਆਦਾ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਕਰਦੀ ਹਾਂ।"],
        "better": ["ਮੈਨੂੰ ਬਹੁਤ ਦੇਰ ਉਡੀਕ ਕਰਨੀ ਪਈ।", "ਕਿਸੇ ਨੇ ਨਹੀਂ ਦੱਸਿਆ ਕਿ ਅੱਗੇ ਕੀ ਹੋਵੇਗਾ।",
                   "ਚਿੱਠੀਆਂ ਪੰਜਾਬੀ ਵਿੱਚ ਭੇਜੋ।", "ਕੁਝ ਨਹੀਂ, ਸਭ ਠੀਕ ਸੀ।"],
        "safer": ["ਕੋਈ ਹਫ਼ਤੇ ਵਿੱਚ ਇੱਕ ਵਾਰ ਮੇਰਾ ਹਾਲ ਪੁੱਛੇ।", "ਮੇਰੇ ਪੈਸਿਆਂ ਦੀ ਸੰਭਾਲ ਵਿੱਚ ਮਦਦ।"],
        "child_good": ["ਮੈਨੂੰ ਆਪਣਾ ਨਵਾਂ ਸਕੂਲ ਪਸੰਦ ਹੈ।", "ਮੈਂ ਹਰ ਸ਼ਨੀਵਾਰ ਮੰਮੀ ਨੂੰ ਮਿਲਦਾ ਹਾਂ।"],
        "child_worries": ["ਮੈਨੂੰ ਮੰਮੀ ਦੀ ਫ਼ਿਕਰ ਰਹਿੰਦੀ ਹੈ।", "ਮੇਰਾ ਸੋਸ਼ਲ ਵਰਕਰ ਬਦਲਦਾ ਰਹਿੰਦਾ ਹੈ।"],
        "child_dreams": ["ਆਪਣੀ ਭੈਣ ਨਾਲ ਦੁਬਾਰਾ ਰਹਿਣਾ।", "ਆਪਣਾ ਇੱਕ ਕਮਰਾ।"],
    },
    "bn": {
        "good": ["তাঁরা আমার কথা মন দিয়ে শুনেছেন।", "আমাকে সবকিছু বুঝিয়ে বলা হয়েছে।",
                 "প্রতিটি মিটিংয়ে দোভাষী ছিলেন।", "এখন আমি বাড়িতে বেশি নিরাপদ বোধ করি।"],
        "better": ["আমাকে অনেক দিন অপেক্ষা করতে হয়েছে।", "মিটিংয়ের পরে কী হবে কেউ আমাকে বলেনি।",
                   "চিঠিগুলো বাংলায় পাঠান।", "কিছু না, সব ঠিক ছিল।"],
        "safer": ["কেউ যদি সপ্তাহে একবার আমার খোঁজ নেয়।", "আমার টাকা সামলাতে সাহায্য।"],
        "child_good": ["আমার নতুন স্কুল ভালো লাগে।", "আমি প্রতি শনিবার মায়ের সাথে দেখা করি।"],
        "child_worries": ["আমি মায়ের জন্য চিন্তা করি।", "আমার সোশ্যাল ওয়ার্কার বারবার বদলে যায়।"],
        "child_dreams": ["আবার আমার বোনের সাথে থাকা।", "নিজের একটা ঘর।"],
    },
    "ar": {
        "good": ["استمعوا إليّ باهتمام وصدّقوني.", "شرحوا لي كل شيء بوضوح.", "كان هناك مترجم في كل اجتماع.",
                 "أشعر الآن بأمان أكبر في بيتي.", "كانت الموظفة مريم لطيفة جداً معي."],
        "better": ["انتظرت أسابيع دون أي رد.", "لم يخبرني أحد بما سيحدث بعد الاجتماع.",
                   "تغيّرت الموظفة المسؤولة عني عدة مرات.", "أرجو الاتصال بي على الرقم 07700 900345.",
                   "لا شيء، كان كل شيء جيداً."],
        "safer": ["ألّا يُسمح له بالاقتراب من بيتي.", "أن يزورني أحد مرة في الأسبوع."],
        "child_good": ["أحب مدرستي الجديدة.", "أرى أمي كل يوم سبت."],
        "child_worries": ["أقلق على أمي.", "لا أعرف إن كنت سأبقى هنا."],
        "child_dreams": ["أن أعيش مع أختي مرة أخرى.", "أن تكون لي غرفة خاصة بي."],
    },
    "so": {
        "good": ["Si fiican ayay ii dhageysteen oo way i rumeysteen.", "Wax walba si cad ayay iigu sharxeen.",
                 "Turjubaan ayaa joogay kulan kasta.", "Hadda waxaan guriga ku dareemayaa nabad badan.",
                 "Shaqaalaha bulshada Hodan aad ayay ii naxariisatay."],
        "better": ["Toddobaadyo ayaan sugayay anigoon jawaab helin.", "Cidna iima sheegin waxa dhici doona kulanka kadib.",
                   "Shaqaalaha bulshada ee i qaabilsan ayaa dhowr jeer la beddelay.", "Fadlan iga wac 07700 900456.",
                   "Waxba, wax walba way fiicnaayeen."],
        "safer": ["In aan loo oggolaan inuu gurigayga u soo dhowaado.", "In qof i soo booqdo toddobaadkii hal mar."],
        "child_good": ["Waan jeclahay dugsigayga cusub.", "Hooyaday waan arkaa Sabti kasta."],
        "child_worries": ["Hooyaday ayaan ka welwelaa.", "Ma garanayo inaan halkan sii joogi karo."],
        "child_dreams": ["Inaan mar kale la noolaado walaashay.", "Qol aniga ii gaar ah."],
    },
    "ro": {
        "good": ["M-au ascultat și m-au luat în serios.", "Mi-au explicat totul pe înțeles.",
                 "Am avut interpret la fiecare întâlnire.", "Acum mă simt mai în siguranță acasă.",
                 "Asistenta socială Ioana a fost foarte amabilă."],
        "better": ["Am așteptat săptămâni întregi fără niciun răspuns.",
                   "Nimeni nu mi-a spus ce urmează după întâlnire.",
                   "Mi s-a schimbat asistentul social de trei ori.", "Vă rog să mă sunați la 07700 900678.",
                   "Nimic, totul a fost în regulă."],
        "safer": ["Să nu mai aibă voie să vină la mine acasă.", "Să mă viziteze cineva o dată pe săptămână."],
        "child_good": ["Îmi place noua mea școală.", "O văd pe mama în fiecare sâmbătă."],
        "child_worries": ["Îmi fac griji pentru mama.", "Nu știu dacă pot rămâne aici."],
        "child_dreams": ["Să locuiesc din nou cu sora mea.", "O cameră doar a mea."],
    },
    "pt": {
        "good": ["Ouviram-me com atenção e acreditaram em mim.", "Explicaram-me tudo com calma.",
                 "Tive intérprete em todas as reuniões.", "Agora sinto-me mais segura em casa.",
                 "A assistente social Ana foi muito atenciosa."],
        "better": ["Esperei semanas sem qualquer resposta.", "Ninguém me disse o que ia acontecer depois da reunião.",
                   "Mudaram de assistente social três vezes.", "Por favor liguem-me para o 07700 900890.",
                   "Nada, correu tudo bem."],
        "safer": ["Que ele não se pudesse aproximar da minha casa.", "Que alguém me visitasse uma vez por semana."],
        "child_good": ["Gosto da minha escola nova.", "Vejo a minha mãe todos os sábados."],
        "child_worries": ["Preocupo-me com a minha mãe.", "Não sei se posso ficar aqui."],
        "child_dreams": ["Voltar a viver com a minha irmã.", "Ter um quarto só para mim."],
    },
}


def _pick(rng: random.Random, choices: Sequence[str], cum_weights: Sequence[float]) -> str:
    """One weighted choice: random.choices without its set-up on every call (a big demo makes millions)."""
    return choices[bisect(cum_weights, rng.random() * cum_weights[-1])]


@lru_cache(maxsize=None)
def _leaning(count: int) -> tuple[float, ...]:
    """Cumulative weights favouring the first of `count` options: the more positive ones in every question set."""
    return tuple(accumulate(0.6 ** i for i in range(count)))


def _weights(weights: dict[str, int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """(choices, cumulative weights) for _pick."""
    return tuple(weights), tuple(accumulate(weights.values()))


_MODES = _weights(MODE_WEIGHTS)


def _comment_pool(language: str, question: Question) -> list[str]:
    """The invented comments for this question in this language ("en-easy" is English); none if there are none:
    people write in the language they answer in."""
    pools = COMMENTS.get(language) or COMMENTS.get(language.split("-")[0], {})
    return pools.get(COMMENT_KINDS.get(question.code, "good"), [])


def _answer(rng: random.Random, question: Question, language: str) -> dict:
    if question.is_text:
        pool = _comment_pool(language, question)
        if not pool or rng.random() < TEXT_LEFT_BLANK:
            return {"o": [], "t": ""}
        return {"o": [], "t": rng.choice(pool)}
    if not question.required and rng.random() < 0.15:
        return {"o": [], "t": ""}
    keys = [o.key for o in question.options]
    if question.type == "scale_0_10":
        return {"o": [str(min(10, max(0, round(rng.gauss(7.4, 2.0)))))], "t": ""}
    if question.is_multiple:
        plain = [o.key for o in question.options if not o.exclusive]
        picked = [k for k in plain if rng.random() < 0.45] or [rng.choice(keys)]
        return {"o": [k for k in keys if k in picked], "t": ""}
    return {"o": [_pick(rng, keys, _leaning(len(keys)))], "t": ""}


def simulate_answers(rng: random.Random, survey: Survey, language: str) -> dict:
    answers: dict = {}
    for question in survey.questions:
        if is_visible(survey, question, answers):
            answers[question.key] = _answer(rng, question, language)
    return answers


def demo_period(now: datetime, year: Optional[int] = None) -> tuple[datetime, datetime]:
    """When responses arrive: the financial year starting in `year`, or else the last six quarters; not past now."""
    if year is None:
        first = quarter_of(now)
        for _ in range(5):
            first = first.previous()
        return first.start, now
    return Quarter(year, 1).start, min(Quarter(year, 4).end, now)


@dataclass(frozen=True)
class DemoPlan:
    """Where synthetic responses go: boards with their surveys, a period, and languages (codes, cumulative
    weights)."""
    boards: list[tuple[Board, list[Survey]]]
    period: tuple[datetime, datetime]
    languages: tuple[tuple[str, ...], tuple[int, ...]]

    def response(self, rng: random.Random, position: float) -> dict:
        """A response submitted `position` (0 to 1) of the way through the period."""
        board, surveys = rng.choice(self.boards)
        survey = rng.choice(surveys)
        start, end = self.period
        language = _pick(rng, *self.languages)
        adult = survey.audience == "adult"
        return dict(
            survey=survey, board_id=board.id, language=language, answers=simulate_answers(rng, survey, language),
            mode=_pick(rng, *_MODES), submitted_at=start + (end - start) * position,
            agency=rng.choice(AGENCIES), area=rng.choice(AREAS),
            work_kind="s42_enquiry" if adult else rng.choice(["cp_conference", "cla_review"]),
            risk_type=rng.choice(RISK_TYPES) if adult else "",
            risk_location=rng.choice(RISK_LOCATIONS) if adult else "",
        )


DEMO_STAFF = [
    # (email, name, role, board slug or None for every board)
    ("admin@demo.example", "Alex Administrator", "administrator", None),
    ("officer@demo.example", "Bola Board Officer", "board_officer", "northvale-sab"),
    ("member@demo.example", "Chris Board Member", "board_member", "northvale-sab"),
    ("lead@demo.example", "Dana Safeguarding Lead", "safeguarding_lead", "northvale-sab"),
    ("practitioner@demo.example", "Eli Practitioner", "practitioner", "northvale-sab"),
    ("advocate@demo.example", "Fran Advocate", "advocate", "northvale-sab"),
]


def load_demo_staff() -> str:
    """One fictional account per role, sharing a password made for this install and shown once."""
    import secrets

    from .data import users
    if users.user_by_email(DEMO_STAFF[0][0]) is not None:
        return "Demo staff accounts already exist (their password was shown when they were made)."
    password = "-".join(secrets.choice(_WORDS) for _ in range(4))
    for email, name, role, slug in DEMO_STAFF:
        board = boards.board_by_slug(slug) if slug else None
        users.create_user(email, name, password, [(role, board.id if board else None)])
    emails = ", ".join(email for email, *_ in DEMO_STAFF)
    return f"Demo staff accounts ({emails}) share the password: {password}"


# Synthetic disclosures for the alerts queue, so a demo lead has something to work: nobody real, nothing real.
DEMO_DISCLOSURES = [
    ("msp-adult", {"what_better": {"o": [], "t": "My son takes my pension every week and I can't buy food."}}),
    ("feel-safer", {"ascs_safety": {"o": ["not_at_all_safe"]}, "safer_than_before": {"o": ["less_safe"]},
                    "what_would_help": {"o": [], "t": "He still comes round at night and says he will hurt me."}}),
    ("msp-adult", {"what_better": {"o": [], "t": "Some days I don't want to be alive any more."}}),
]


def load_demo_alerts() -> str:
    """Three synthetic responses that raise safeguarding alerts on the first demo board, screened as usual."""
    from .alerts import raising
    board = boards.board_by_slug(DEMO_BOARDS[0]["slug"])
    catalogue = current_app.extensions["surveys"]
    now = utcnow()
    items = [dict(survey=catalogue.get(survey_id), board_id=board.id, language="en", answers=answers, mode="self",
                  submitted_at=now - timedelta(hours=2 * (number + 1)), agency=AGENCIES[0], area=AREAS[0],
                  work_kind="s42_enquiry")
             for number, (survey_id, answers) in enumerate(DEMO_DISCLOSURES)]
    raised = raising.screen_stored(responses.store_responses(items))
    return f"{len(raised)} synthetic safeguarding alerts raised on {board.name} (sign in as the lead to see them)."


_WORDS = ("amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbour", "island", "juniper", "kestrel",
          "lantern", "meadow", "nectar", "orchard", "pebble", "quarry", "river", "saffron", "thistle", "upland",
          "valley", "willow", "yarrow")


def load_demo(count: int, seed: int = 2026, *, board_slug: Optional[str] = None, year: Optional[int] = None) -> str:
    """The demo boards, then `count` synthetic responses (on one board if `board_slug` is given; within the
    financial year starting in `year` if given, else over the last six quarters), their comments analysed."""
    rng = random.Random(seed)
    catalogue = current_app.extensions["surveys"]
    demo_boards = [boards.upsert_board(**spec) for spec in DEMO_BOARDS]
    plan = DemoPlan(
        boards=[(board, [catalogue.get(survey_id) for survey_id in spec["surveys"]])
                for board, spec in zip(demo_boards, DEMO_BOARDS) if board_slug in (None, board.slug)],
        period=demo_period(utcnow(), year),
        languages=_weights({code: weight for code, weight in LANGUAGE_WEIGHTS.items()
                            if code in current_app.extensions["languages"]}),
    )
    stored = analysed = 0
    while stored < count:
        # In time order, as real responses arrive: later ones have higher ids.
        batch = [plan.response(rng, (number + rng.random()) / count)
                 for number in range(stored, min(stored + BATCH, count))]
        ids = responses.store_responses(batch)
        # Each batch's comments at once: finding the waiting ones among a million answers gets slower as
        # more are analysed, but among one batch's responses with free text it stays quick.
        commented = [id_ for id_, item in zip(ids, batch) if any(a["t"] for a in item["answers"].values())]
        if commented:
            analysed += analysis.analyse_pending(response_ids=commented)
        stored += len(ids)
    base = current_app.config["SETTINGS"].base_url
    links = "\n".join(f"  {base}/s/{spec['slug']}/{survey_id}" for spec in DEMO_BOARDS for survey_id in spec["surveys"])
    return (f"{len(demo_boards)} demo boards and {stored} synthetic responses added; {analysed} comments analysed. "
            f"Open links:\n{links}")
