import pytest

from voicecapture.text import deidentify


@pytest.mark.parametrize("text, expected", [
    # phone numbers
    ("Call me on 07700 900123 please", "Call me on [phone] please"),
    ("My number is +44 7700 900123.", "My number is [phone]."),
    ("Ring (0116) 496 0000 or 0116-496-0000", "Ring [phone] or [phone]"),
    ("landline 01632960001", "landline [phone]"),
    ("020 7946 0018 or +44 (0)20 7946 0018", "[phone] or [phone]"),
    ("my Polish number +48 601 234 567", "my Polish number [phone]"),
    # email
    ("email me at jo.bloggs+test@example.co.uk thanks", "email me at [email] thanks"),
    # postcodes
    ("I live at LE1 6ZZ", "I live at [postcode]"),
    ("postcode le16zz", "postcode [postcode]"),
    ("SW1A 1AA", "[postcode]"),
    # NHS and National Insurance numbers
    ("NHS number 943 476 5919", "NHS number [NHS number]"),
    ("nhs no 9434765919", "nhs no [NHS number]"),
    ("NI QQ 12 34 56 C", "NI [NI number]"),
    ("ni number qq123456c", "ni number [NI number]"),
    # dates of birth
    ("I was born 12/03/1951", "I was born [date of birth]"),
    ("DOB 1.3.51", "DOB [date of birth]"),
    ("date of birth: 3 March 1951", "date of birth: [date of birth]"),
    ("data urodzenia 12.03.1951", "data urodzenia [date of birth]"),
    # street addresses
    ("She lives at 12 Acacia Avenue now", "She lives at [address] now"),
    ("Flat 3, 45 High Street", "[address]"),
    ("12b Church Road, Leicester LE2 1AB", "[address], Leicester [postcode]"),
    ("we moved to Acacia Avenue last year", "we moved to [address] last year"),
    # names after titles, relation words and naming phrases
    ("Mrs May was lovely", "Mrs [name] was lovely"),
    ("Dr Patel and Mr Smith were at the conference", "Dr [name] and Mr [name] were at the conference"),
    ("my son Jamal was taken into care", "my son [name] was taken into care"),
    ("my social worker Sarah was brilliant", "my social worker [name] was brilliant"),
    ("her name is Aisha", "her name is [name]"),
    ("her name is grace and she's 7", "her name is [name] and she's 7"),
    ("a man called Tomasz came round", "a man called [name] came round"),
    ("My daughter Grace helped me", "My daughter [name] helped me"),
    ("my children Aisha and Omar are safe now", "my children [name] and [name] are safe now"),
    ("My worker was called Kirsty McDonald", "My worker was called [name]"),
    ("my ex-partner Dean hit me", "my ex-partner [name] hit me"),
    ("Jamal's mum was there", "[name]'s mum was there"),
    ("Sarah-Jane helped", "[name] helped"),
    ("MY SON JAMAL WAS TAKEN AWAY", "MY SON [name] WAS TAKEN AWAY"),
    # names from the bundled lists, any position, Latin and native scripts
    ("Ahmed and Fatima were kind", "[name] and [name] were kind"),
    ("sarah was great, will recommend", "[name] was great, will recommend"),
    ("Thank you to Sarah and Tom from the team", "Thank you to [name] and [name] from the team"),
    ("میرا بیٹا احمد بہت خوش ہے", "میرا بیٹا [name] بہت خوش ہے"),
    ("ابني عمر عمره عشر سنوات", "ابني [name] عمره عشر سنوات"),
    ("اسمها فاطمة", "اسمها [name]"),
    ("મારો દીકરો રમેશ ખુશ છે", "મારો દીકરો [name] ખુશ છે"),
    ("ਮੇਰਾ ਪੁੱਤਰ ਗੁਰਪ੍ਰੀਤ ਠੀਕ ਹੈ", "ਮੇਰਾ ਪੁੱਤਰ [name] ਠੀਕ ਹੈ"),
    ("আমার ছেলে রহিম ভালো আছে", "আমার ছেলে [name] ভালো আছে"),
    ("mój syn Piotr był zadowolony, pani Kowalska pomogła", "mój syn [name] był zadowolony, pani [name] pomogła"),
    ("fiul meu Andrei a fost ajutat de doamna Popescu", "fiul meu [name] a fost ajutat de doamna [name]"),
    ("o meu filho João foi ajudado pela senhora Silva", "o meu filho [name] foi ajudado pela senhora [name]"),
    ("wiilkayga Cabdi aad buu u faraxsan yahay", "wiilkayga [name] aad buu u faraxsan yahay"),
])
def test_identifying_details_are_replaced(text, expected):
    assert deidentify(text) == expected


@pytest.mark.parametrize("text", [
    "Will they call me back? May I say thanks. Hope this helps.",
    "Rose was not the word; the prices rose.",
    "It was a Friday in May, and the grace period ended.",
    "Mark my words, nothing changed.",
    "my son will be 5 next week",
    "I waited 5 minutes and it was a 5 minute walk, very close.",
    "The meeting was on 12/03/2024 last Tuesday at 10am.",
    "In 2019 I was referred; 3 people came for 2 hours.",
    "Case reference 12345678 and 1234567890",
    "I called Social Services and the Police",
    "Nothing to improve. Social worker was ok.",
    "Foster carers were amazing",
    "I never heard back from my named nurse",
    "It would help to see Dr quicker next time",
    "The TED and DESMOND courses helped",
    "Staff at the Ward were kind and Ward 7 was clean",
    "Eu estava ali quando eles chegaram",
    "Sami to zrobiliśmy, pani była bardzo miła",
    "A senhora foi muito simpática",
    "میری ماں اب بہتر محسوس کرتی ہیں",
    "",
])
def test_ordinary_text_is_kept(text):
    assert deidentify(text) == text
