"""Word lists for outlets: well-known news organisations and the words that mark any other.

The list is general knowledge (wires, national papers, broadcasters and state agencies that
news copy cites); an outlet missing from it is still found by its descriptor ("the X news
agency", "the website X", "X newspaper") or a name ending like a paper's ("... Times").
"""

from __future__ import annotations

import re

# canonical name -> surface forms. Forms of three letters or fewer match case-sensitively.
OUTLETS: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AP": ("Associated Press", "AP"),
    "UPI": ("United Press International", "UPI"),
    "The New York Times": ("The New York Times", "New York Times", "NYT", "NYTimes"),
    "The Washington Post": ("The Washington Post", "Washington Post", "WaPo"),
    "The Wall Street Journal": ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
    "USA Today": ("USA Today", "USA TODAY"),
    "Los Angeles Times": ("Los Angeles Times", "LA Times", "L.A. Times"),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "CNN": ("CNN",), "MSNBC": ("MSNBC",), "CNBC": ("CNBC",),
    "BBC": ("BBC News", "BBC", "BBC World Service", "BBC Persian"),
    "Al Jazeera": ("Al Jazeera", "Al-Jazeera", "Aljazeera"),
    "Al Arabiya": ("Al Arabiya", "Al-Arabiya"),
    "Al Mayadeen": ("Al Mayadeen", "Al-Mayadeen"),
    "Asharq Al-Awsat": ("Asharq Al-Awsat", "Asharq al-Awsat"),
    "The Guardian": ("The Guardian",),
    "The Times (London)": ("The Times of London",),
    "The Times of Israel": ("The Times of Israel", "Times of Israel"),
    "Haaretz": ("Haaretz",),
    "The Jerusalem Post": ("The Jerusalem Post", "Jerusalem Post"),
    "Yedioth Ahronoth": ("Yedioth Ahronoth", "Yediot Aharonot", "Ynet", "Ynetnews"),
    "Financial Times": ("Financial Times", "FT"),
    "The Economist": ("The Economist",),
    "The Telegraph": ("The Daily Telegraph", "The Telegraph"),
    "The Independent": ("The Independent",),
    "Daily Mail": ("Daily Mail", "MailOnline", "Mail Online"),
    "Sky News": ("Sky News",),
    "ITV News": ("ITV News", "ITV"),
    "Channel 4 News": ("Channel 4 News",),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "Der Spiegel": ("Der Spiegel", "Spiegel"),
    "Le Monde": ("Le Monde",), "Le Figaro": ("Le Figaro",),
    "France 24": ("France 24",), "RFI": ("RFI", "Radio France Internationale"),
    "Euronews": ("Euronews",),
    "Axios": ("Axios",), "Politico": ("Politico", "POLITICO"), "The Hill": ("The Hill",),
    "NBC News": ("NBC News", "NBC"), "CBS News": ("CBS News", "CBS"),
    "ABC News": ("ABC News",), "Fox News": ("Fox News", "Fox News Channel", "Fox Business"),
    "NPR": ("NPR", "National Public Radio"), "PBS": ("PBS", "PBS NewsHour"),
    "Newsweek": ("Newsweek",), "Time": ("Time magazine",), "The Atlantic": ("The Atlantic",),
    "The New Yorker": ("The New Yorker",), "Vox": ("Vox",), "BuzzFeed News": ("BuzzFeed News",),
    "HuffPost": ("HuffPost", "Huffington Post", "The Huffington Post"),
    "Breitbart": ("Breitbart News", "Breitbart"), "Newsmax": ("Newsmax",),
    "The Daily Beast": ("The Daily Beast", "Daily Beast"), "Mediaite": ("Mediaite",),
    "The Intercept": ("The Intercept",), "ProPublica": ("ProPublica",),
    "Semafor": ("Semafor",), "Punchbowl News": ("Punchbowl News",),
    "Voice of America": ("Voice of America", "VOA"),
    "RFE/RL": ("Radio Free Europe/Radio Liberty", "Radio Free Europe", "RFE/RL"),
    "Tasnim": ("Tasnim News Agency", "Tasnim"), "Fars": ("Fars News Agency", "Fars"),
    "IRNA": ("IRNA", "Islamic Republic News Agency"), "ISNA": ("ISNA",),
    "Mehr": ("Mehr News Agency", "Mehr"), "Press TV": ("Press TV", "PressTV"),
    "IRIB": ("IRIB",), "Al-Manar": ("Al-Manar", "Al Manar"),
    "SANA": ("SANA", "Syrian Arab News Agency"), "WAFA": ("WAFA",),
    "Xinhua": ("Xinhua",), "Global Times": ("Global Times",), "CGTN": ("CGTN",),
    "China Daily": ("China Daily",), "People's Daily": ("People's Daily",),
    "CCTV": ("CCTV",), "South China Morning Post": ("South China Morning Post", "SCMP"),
    "TASS": ("TASS", "ITAR-TASS"), "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",), "RT": ("Russia Today",), "Sputnik": ("Sputnik",),
    "Kommersant": ("Kommersant",), "Izvestia": ("Izvestia",),
    "Ukrinform": ("Ukrinform",), "Kyiv Independent": ("Kyiv Independent", "The Kyiv Independent"),
    "Anadolu": ("Anadolu Agency", "Anadolu"), "Hurriyet": ("Hurriyet", "Hürriyet"),
    "Daily Sabah": ("Daily Sabah",),
    "dpa": ("dpa", "Deutsche Presse-Agentur"), "ANSA": ("ANSA",), "EFE": ("EFE",),
    "Kyodo": ("Kyodo News", "Kyodo"), "NHK": ("NHK",), "Yonhap": ("Yonhap",),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "NDTV": ("NDTV",), "Press Trust of India": ("Press Trust of India", "PTI"),
    "The Hindu": ("The Hindu",), "Times of India": ("The Times of India", "Times of India"),
    "Dawn": ("Dawn newspaper",), "Geo News": ("Geo News",),
    "Tolo News": ("Tolo News", "TOLOnews", "TOLO News"), "Pajhwok": ("Pajhwok",),
    "Rudaw": ("Rudaw",), "Kurdistan24": ("Kurdistan24", "Kurdistan 24"),
    "Shafaq News": ("Shafaq News",), "The National": ("The National",),
    "Middle East Eye": ("Middle East Eye",), "Middle East Monitor": ("Middle East Monitor",),
    "Al-Masdar News": ("Al-Masdar News", "Al Masdar News", "Al-Masdar"),
    "Saudi Press Agency": ("Saudi Press Agency", "SPA"), "Al-Ahram": ("Al-Ahram", "Al Ahram"),
    "MENA": ("MENA", "Middle East News Agency"), "QNA": ("QNA", "Qatar News Agency"),
    "WAM": ("WAM", "Emirates News Agency"), "Petra": ("Petra news agency",),
    "Kuna": ("KUNA", "Kuwait News Agency"), "Bernama": ("Bernama",),
    "Antara": ("Antara",), "ABC": ("Australian Broadcasting Corporation",),
    "CBC News": ("CBC News", "CBC"), "Globe and Mail": ("The Globe and Mail", "Globe and Mail"),
    "Canadian Press": ("The Canadian Press", "Canadian Press"),
    "Agencia Brasil": ("Agencia Brasil",), "Folha": ("Folha de S.Paulo", "Folha"),
    "Clarin": ("Clarín", "Clarin"), "El País": ("El País", "El Pais"),
    "Ansa": ("ANSA",), "Jiji Press": ("Jiji Press", "Jiji"), "Nikkei": ("Nikkei",),
    "The Moscow Times": ("The Moscow Times", "Moscow Times"),
    "ESPN": ("ESPN",), "The Athletic": ("The Athletic",), "Sky Sports": ("Sky Sports",),
    "Sports Illustrated": ("Sports Illustrated",), "Variety": ("Variety magazine", "Variety"),
    "The Hollywood Reporter": ("The Hollywood Reporter", "Hollywood Reporter"),
    "TechCrunch": ("TechCrunch",), "The Verge": ("The Verge",), "Wired": ("Wired magazine",),
    "Forbes": ("Forbes magazine",), "Fortune": ("Fortune magazine",),
    "Business Insider": ("Business Insider",), "MarketWatch": ("MarketWatch",),
    "Barron's": ("Barron's", "Barron’s"), "The Sun": ("The Sun newspaper",),
    "Washington Examiner": ("Washington Examiner", "The Washington Examiner"),
    "Al-Monitor": ("Al-Monitor",), "Sydney Morning Herald": ("The Sydney Morning Herald",
                                                             "Sydney Morning Herald"),
    "Bild": ("Bild",),
}

# A capitalised name ending in one of these is a paper or station ("The Herald Sun" ...).
OUTLET_SUFFIX = re.compile(
    r"\b(Times|Post|News|Daily|Journal|Herald|Tribune|Gazette|Telegraph|Chronicle|Standard|"
    r"Observer|Express|Mail|Review|Agency|Press|Radio|TV|Television|Broadcasting|Wire|Insider|"
    r"Monitor|Bulletin|Courier|Dispatch|Examiner|Inquirer|Ledger|Sentinel|Star|Sun|"
    r"Today|Online)$")
# Words that say a name is a news organisation: "the X news agency", "the website X".
MEDIA_NOUN = (r"news agency|news agencies|agency|newspaper|paper|daily|weekly|tabloid|broadsheet|"
              r"magazine|broadcaster|television|TV|TV channel|television channel|channel|"
              r"network|station|radio|radio station|website|news website|news site|site|"
              r"outlet|news outlet|media outlet|wire service|wire|news service|portal|"
              r"newsletter|blog|podcast")
MEDIA_WORD = re.compile(rf"\b({MEDIA_NOUN})\b", re.IGNORECASE)
# Adjectives that go with state media: "the state-run X news agency".
MEDIA_ADJ = (r"state|state-run|state-owned|state-backed|state-controlled|state-affiliated|"
             r"government-run|semi-official|semiofficial|official|independent|local|"
             r"regional|national|pro-government|opposition|[\w-]+-run|[\w-]+-affiliated|"
             r"[\w-]+-backed|[\w-]+-based|[\w-]+-owned|[\w-]+-language|online|daily|weekly|"
             r"private|public|leading|popular|conservative|liberal|right-wing|left-wing|"
             r"Arabic-language|English-language|pan-Arab")
# "reports", "media reports", "local media" name no outlet: they are "unnamed reports".
GENERIC_REPORTS = re.compile(
    r"^(?:(?:some|several|many|other|recent|earlier|unconfirmed|initial|first|conflicting|"
    r"multiple)\s+)?(?:[A-Z][a-z]+\s+)?(?:reports?|media reports?|news reports?|local media|"
    r"media|press reports?|press|news media|local reports?|local news|media outlets|"
    r"news outlets|the media|the press|"
    # "reports in Israeli media", "reports from the local press"
    r"(?:media |news |press )?reports? (?:in|from|by) (?:the )?(?:[A-Z][a-z]+ |local |foreign |"
    r"international |regional |national )?(?:media|press|newspapers|news outlets|outlets))$",
    re.IGNORECASE)
STATE_MEDIA = re.compile(
    r"^(?:([A-Z][a-z]+(?:n|an|ian|ese|i|ish|ch|ic))\s+)?(?i:state(?:-run)?\s+"
    r"(media|television|TV|broadcaster|news agency|radio|press|outlets?|news))$")
# Outlet anaphora: "the newspaper", "the agency", "the outlet" point back to an outlet.
ANAPHOR = re.compile(
    rf"^(?:the|that|this)\s+(?:{MEDIA_NOUN}|outlet['’]s report|publication)$", re.IGNORECASE)
# Staff of an outlet: "Post reporters X and Y", "the BBC's correspondent X".
STAFF = re.compile(r"\b(reporters?|correspondents?|journalists?|editors?|columnists?|"
                   r"writers?|anchors?|hosts?|commentators?|analysts?|bureau chief|"
                   r"producers?|contributors?)\b", re.IGNORECASE)
# staff who give their own view ("Fox News judicial analyst X"): what they say is theirs too
PUNDITS = re.compile(r"\b(analysts?|commentators?|columnists?|contributors?|hosts?|anchors?|"
                     r"pundits?)\b", re.IGNORECASE)
