#!/usr/bin/env python3
"""Generate ratingsd's recorded-style upstream streams in Fixtures/.

Deterministic: a fixed seed, no clock, no network, no locale, no time-zone database (US Eastern
is computed from the rules in force since 2007), so running it twice gives identical bytes.

    python3 scripts/generate-fixtures.py            # writes Fixtures/
    python3 scripts/generate-fixtures.py --check    # exits 1 if Fixtures/ differs from the output

Every message is in Benzinga's documented envelope {id, api_version, kind, data}, one per line.
What each file holds and how consensus messages name their security is written to
Fixtures/README.md by this script (so the counts there are always the counts in the files).
"""

import hashlib
import json
import os
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

SEED = 20260105
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Fixtures")

# ---------------------------------------------------------------------------------------------
# Securities: real tickers, names, listing exchanges. ISINs only where known with confidence
# (each passes the ISIN check digit below); the CUSIP of a US ISIN is its characters 3-11.
# CIKs (SEC) only for the few known with confidence. Prices: plausible levels for early 2026.
# ---------------------------------------------------------------------------------------------
SECURITIES = [
    # ticker, name, exchange, isin or None, price, weight, cik or None
    ("AAPL", "Apple Inc.", "NASDAQ", "US0378331005", 255.0, 9, "0000320193"),
    ("MSFT", "Microsoft Corporation", "NASDAQ", "US5949181045", 480.0, 9, "0000789019"),
    ("NVDA", "NVIDIA Corporation", "NASDAQ", "US67066G1040", 185.0, 10, "0001045810"),
    ("TSLA", "Tesla, Inc.", "NASDAQ", "US88160R1014", 430.0, 8, "0001318605"),
    ("AMZN", "Amazon.com, Inc.", "NASDAQ", "US0231351067", 230.0, 8, "0001018724"),
    ("GOOGL", "Alphabet Inc.", "NASDAQ", "US02079K3059", 310.0, 8, "0001652044"),
    ("META", "Meta Platforms, Inc.", "NASDAQ", "US30303M1027", 650.0, 8, "0001326801"),
    ("BRK.B", "Berkshire Hathaway Inc.", "NYSE", "US0846707026", 500.0, 2, "0001067983"),
    ("BF.B", "Brown-Forman Corporation", "NYSE", None, 29.0, 2, None),
    ("JPM", "JPMorgan Chase & Co.", "NYSE", "US46625H1005", 310.0, 5, "0000019617"),
    ("V", "Visa Inc.", "NYSE", "US92826C8394", 345.0, 4, None),
    ("MA", "Mastercard Incorporated", "NYSE", "US57636Q1040", 560.0, 4, None),
    ("JNJ", "Johnson & Johnson", "NYSE", "US4781601046", 205.0, 3, None),
    ("WMT", "Walmart Inc.", "NASDAQ", "US9311421039", 115.0, 4, None),
    ("PG", "The Procter & Gamble Company", "NYSE", "US7427181091", 150.0, 3, None),
    ("XOM", "Exxon Mobil Corporation", "NYSE", "US30231G1022", 118.0, 3, None),
    ("CVX", "Chevron Corporation", "NYSE", "US1667641005", 155.0, 3, None),
    ("UNH", "UnitedHealth Group Incorporated", "NYSE", "US91324P1021", 330.0, 4, None),
    ("HD", "The Home Depot, Inc.", "NYSE", "US4370761029", 360.0, 3, None),
    ("KO", "The Coca-Cola Company", "NYSE", "US1912161007", 70.0, 2, None),
    ("PEP", "PepsiCo, Inc.", "NASDAQ", "US7134481081", 145.0, 3, None),
    ("DIS", "The Walt Disney Company", "NYSE", "US2546871060", 112.0, 3, None),
    ("NFLX", "Netflix, Inc.", "NASDAQ", "US64110L1061", 95.0, 5, None),
    ("INTC", "Intel Corporation", "NASDAQ", "US4581401001", 38.0, 4, None),
    ("AMD", "Advanced Micro Devices, Inc.", "NASDAQ", "US0079031078", 220.0, 6, None),
    ("CSCO", "Cisco Systems, Inc.", "NASDAQ", "US17275R1023", 75.0, 2, None),
    ("ORCL", "Oracle Corporation", "NYSE", "US68389X1054", 200.0, 5, None),
    ("CRM", "Salesforce, Inc.", "NYSE", "US79466L3024", 250.0, 4, None),
    ("ADBE", "Adobe Inc.", "NASDAQ", "US00724F1012", 340.0, 3, None),
    ("AVGO", "Broadcom Inc.", "NASDAQ", "US11135F1012", 350.0, 5, None),
    ("QCOM", "QUALCOMM Incorporated", "NASDAQ", "US7475251036", 170.0, 3, None),
    ("IBM", "International Business Machines Corporation", "NYSE", "US4592001014", 300.0, 2, None),
    ("PFE", "Pfizer Inc.", "NYSE", "US7170811035", 25.0, 3, None),
    ("MRK", "Merck & Co., Inc.", "NYSE", "US58933Y1055", 100.0, 3, None),
    ("ABBV", "AbbVie Inc.", "NYSE", "US00287Y1091", 225.0, 3, None),
    ("LLY", "Eli Lilly and Company", "NYSE", "US5324571083", 1050.0, 5, None),
    ("BAC", "Bank of America Corporation", "NYSE", "US0605051046", 53.0, 3, None),
    ("WFC", "Wells Fargo & Company", "NYSE", "US9497461015", 88.0, 3, None),
    ("GS", "The Goldman Sachs Group, Inc.", "NYSE", "US38141G1040", 880.0, 2, None),
    ("MS", "Morgan Stanley", "NYSE", "US6174464486", 170.0, 2, None),
    ("NKE", "NIKE, Inc.", "NYSE", "US6541061031", 65.0, 3, None),
    ("MCD", "McDonald's Corporation", "NYSE", "US5801351017", 305.0, 2, None),
    ("SBUX", "Starbucks Corporation", "NASDAQ", "US8552441094", 85.0, 3, None),
    ("COST", "Costco Wholesale Corporation", "NASDAQ", "US22160K1051", 900.0, 3, None),
    ("BA", "The Boeing Company", "NYSE", "US0970231058", 215.0, 3, None),
    ("CAT", "Caterpillar Inc.", "NYSE", "US1491231015", 600.0, 2, None),
    ("T", "AT&T Inc.", "NYSE", "US00206R1023", 25.0, 2, None),
    ("VZ", "Verizon Communications Inc.", "NYSE", "US92343V1044", 40.0, 2, None),
    ("UBER", "Uber Technologies, Inc.", "NYSE", "US90353T1007", 85.0, 4, None),
    ("PYPL", "PayPal Holdings, Inc.", "NASDAQ", "US70450Y1038", 60.0, 3, None),
    ("PLTR", "Palantir Technologies Inc.", "NASDAQ", None, 180.0, 5, None),
]

# Broker firms (real names) and the rating words each one uses, weakest first. A firm's words
# are what it really publishes; all of them are in the broker vocabulary that SHAPES.md maps.
FIRMS = [
    ("Goldman Sachs", ["Sell", "Neutral", "Buy", "Conviction Buy"]),
    ("Morgan Stanley", ["Underweight", "Equal-Weight", "Overweight"]),
    ("JP Morgan", ["Underweight", "Neutral", "Overweight"]),
    ("B of A Securities", ["Underperform", "Neutral", "Buy"]),
    ("Citigroup", ["Sell", "Neutral", "Buy"]),
    ("Wells Fargo", ["Underweight", "Equal-Weight", "Overweight"]),
    ("Barclays", ["Underweight", "Equal-Weight", "Overweight"]),
    ("UBS", ["Sell", "Neutral", "Buy"]),
    ("Deutsche Bank", ["Sell", "Hold", "Buy"]),
    ("Jefferies", ["Underperform", "Hold", "Buy"]),
    ("Evercore ISI Group", ["Underperform", "In-Line", "Outperform"]),
    ("Bernstein", ["Underperform", "Market Perform", "Outperform"]),
    ("Wedbush", ["Underperform", "Neutral", "Outperform"]),
    ("Piper Sandler", ["Underweight", "Neutral", "Overweight"]),
    ("Raymond James", ["Underperform", "Market Perform", "Outperform", "Strong Buy"]),
    ("RBC Capital", ["Underperform", "Sector Perform", "Outperform"]),
    ("BMO Capital", ["Underperform", "Market Perform", "Outperform"]),
    ("Mizuho", ["Underperform", "Neutral", "Outperform"]),
    ("Keybanc", ["Underweight", "Sector Weight", "Overweight"]),
    ("Needham", ["Underperform", "Hold", "Buy", "Strong Buy"]),
    ("Oppenheimer", ["Underperform", "Perform", "Outperform"]),
    ("Truist Securities", ["Sell", "Hold", "Buy"]),
    ("TD Cowen", ["Sell", "Hold", "Buy"]),
    ("Loop Capital", ["Sell", "Hold", "Buy"]),
    ("Stifel", ["Sell", "Hold", "Buy"]),
    ("HSBC", ["Reduce", "Hold", "Buy"]),
    ("Baird", ["Underperform", "Neutral", "Outperform"]),
    ("Cantor Fitzgerald", ["Underweight", "Neutral", "Overweight"]),
    ("Rosenblatt", ["Sell", "Neutral", "Buy"]),
    ("Argus Research", ["Sell", "Hold", "Buy"]),
    ("CFRA", ["Strong Sell", "Sell", "Hold", "Buy", "Strong Buy"]),
    ("Macquarie", ["Underperform", "Neutral", "Outperform"]),
    ("Guggenheim", ["Sell", "Neutral", "Buy"]),
    ("Redburn Atlantic", ["Sell", "Neutral", "Buy"]),
]

# Benzinga's consensus scale (FACTS.md): Strong Sell = 1 ... Strong Buy = 5.
SCORE = {
    "Strong Buy": 5, "Conviction Buy": 5,
    "Buy": 4, "Outperform": 4, "Overweight": 4,
    "Hold": 3, "Neutral": 3, "Market Perform": 3, "Equal-Weight": 3, "Sector Perform": 3,
    "Sector Weight": 3, "In-Line": 3, "Perform": 3,
    "Sell": 2, "Underperform": 2, "Underweight": 2, "Reduce": 2,
    "Strong Sell": 1,
}
BUCKET = {5: "strong_buy", 4: "buy", 3: "hold", 2: "sell", 1: "strong_sell"}
LABEL = {5: "STRONG_BUY", 4: "BUY", 3: "HOLD", 2: "SELL", 1: "STRONG_SELL"}
LABEL_TITLE = {5: "Strong Buy", 4: "Buy", 3: "Hold", 2: "Sell", 1: "Strong Sell"}

FIRST_NAMES = ["Avery", "Brennan", "Calla", "Dorian", "Elspeth", "Fabian", "Greer", "Hollis",
               "Imara", "Jasper", "Kellan", "Linnea", "Marek", "Noemi", "Orrin", "Priya",
               "Quentin", "Rosalind", "Soren", "Tamsin", "Ulric", "Vesna", "Wendell", "Xiomara",
               "Yannick", "Zelda", "Anouk", "Bastian", "Corin", "Delphine"]
LAST_NAMES = ["Ashcombe", "Bellweather", "Carrow", "Dunmore", "Everleigh", "Fairbrook",
              "Galloway", "Hartwell", "Ingleby", "Jessop", "Kilbride", "Lockhart", "Marchetti",
              "Northcott", "Okonkwo-Reyes", "Pemberton", "Quarrie", "Rothwell", "Stanhope",
              "Thorncroft", "Underhill", "Vantongeren", "Whitlock", "Yardley", "Zielinski"]

REASONS = ["stronger services growth", "margin expansion", "an accelerating product cycle",
           "improving free cash flow", "a more cautious demand outlook",
           "valuation after the recent run-up", "upside from AI-driven demand", "pricing power",
           "cost discipline", "regulatory overhang", "slowing unit growth",
           "a favourable capital return programme", "channel checks pointing to firmer orders",
           "estimate revisions after the quarterly report", "share gains in its core market"]

START = datetime(2026, 1, 5)   # a Monday
END = datetime(2026, 4, 24)    # a Friday
RATING_EVENTS = 1140           # creates; updates, deletes and replays come on top


# ---------------------------------------------------------------------------------------------
# Time: US Eastern wall clock <-> UTC with the post-2007 rules (no tz database needed).
# ---------------------------------------------------------------------------------------------
def nth_sunday(year, month, n):
    first = datetime(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def is_eastern_daylight(local):
    start = nth_sunday(local.year, 3, 2) + timedelta(hours=2)
    end = nth_sunday(local.year, 11, 1) + timedelta(hours=2)
    return start <= local < end


def eastern_to_utc(local):
    return local + timedelta(hours=4 if is_eastern_daylight(local) else 5)


def utc_to_eastern(utc):
    candidate = utc - timedelta(hours=4)
    return candidate if is_eastern_daylight(candidate) else utc - timedelta(hours=5)


def epoch(utc):
    return int((utc - datetime(1970, 1, 1)).total_seconds())


def rfc3339(utc):
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------------------------
# Identifiers
# ---------------------------------------------------------------------------------------------
def isin_is_valid(isin):
    if len(isin) != 12 or not isin[:2].isalpha() or not isin[-1].isdigit():
        return False
    digits = "".join(str(int(c, 36)) for c in isin)
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def stable_hex(label, length=24):
    return hashlib.sha1(label.encode()).hexdigest()[:length]


class Ids:
    def __init__(self, rng):
        self.rng = rng
        self.seen = set()

    def uuid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def object_id(self, utc):
        # Like a MongoDB ObjectId, as Benzinga's rating ids are: creation seconds, then randomness.
        while True:
            value = "%08x%016x" % (epoch(utc), self.rng.getrandbits(64))
            if value not in self.seen:
                self.seen.add(value)
                return value


def dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def envelope(ids, kind, data):
    return {"id": ids.uuid(), "api_version": "websocket/v1", "kind": kind, "data": data}


def money(value):
    return "%.2f" % value


def round_target(value):
    return float(round(value)) if value >= 40 else round(value * 2) / 2


# ---------------------------------------------------------------------------------------------
# Ratings
# ---------------------------------------------------------------------------------------------
class Coverage:
    """What one firm holds on one ticker: its rating word, price target and analyst."""

    def __init__(self, word, target, analyst):
        self.word = word
        self.target = target
        self.analyst = analyst
        self.state = "covered"   # covered | none | suspended


def trading_days():
    day = START
    while day <= END:
        if day.weekday() < 5:
            yield day
        day += timedelta(days=1)


def target_for(word, price, rng):
    score = SCORE[word]
    low, high = {5: (1.25, 1.6), 4: (1.08, 1.4), 3: (0.95, 1.14), 2: (0.7, 0.96), 1: (0.55, 0.8)}[score]
    return round_target(price * rng.uniform(low, high))


# How often analysts hold each view: most large caps carry mostly Buy-side ratings.
VIEW_WEIGHT = {5: 1.5, 4: 9, 3: 4, 2: 1, 1: 0.3}


def pick_word(words, rng):
    return rng.choices(words, weights=[VIEW_WEIGHT[SCORE[word]] for word in words])[0]


def analyst_name(rng):
    return "%s %s" % (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))


def generate_ratings(rng, ids):
    """Returns the list of rating events (dicts with the message and bookkeeping), by time."""
    securities = {s[0]: s for s in SECURITIES}
    tickers = [s[0] for s in SECURITIES]
    weights = [s[5] for s in SECURITIES]
    price = {s[0]: s[4] for s in SECURITIES}
    firm_words = dict(FIRMS)
    coverage = {}
    for ticker in tickers:
        count = min(len(FIRMS), 8 + securities[ticker][5] + rng.randint(0, 6))
        for firm, words in rng.sample(FIRMS, count):
            word = pick_word(words, rng)
            coverage[(ticker, firm)] = Coverage(word, target_for(word, price[ticker], rng), analyst_name(rng))

    days = list(trading_days())
    per_day = [RATING_EVENTS // len(days)] * len(days)
    for i in range(RATING_EVENTS - sum(per_day)):
        per_day[i * 7 % len(days)] += 1

    events = []
    for day_index, day in enumerate(days):
        for ticker in tickers:   # the market moves every day
            price[ticker] *= 1 + rng.gauss(0.0006, 0.016)
        for _ in range(per_day[day_index]):
            ticker = rng.choices(tickers, weights=weights)[0]
            minute = int(rng.choices([rng.uniform(360, 570), rng.uniform(570, 960), rng.uniform(960, 1140)],
                                     weights=[6, 3, 1])[0] * 60)
            local = day + timedelta(seconds=minute)
            events.append(make_rating(rng, ids, securities[ticker], price[ticker], local, coverage, firm_words))
    return events


def make_rating(rng, ids, security, price, local, coverage, firm_words):
    ticker, name, exchange, isin = security[0], security[1], security[2], security[3]
    candidates = [(f, c) for (t, f), c in coverage.items() if t == ticker and c.state == "covered"]
    idle = [f for f, _ in FIRMS if (ticker, f) not in coverage or coverage[(ticker, f)].state != "covered"]
    roll = rng.random()
    if idle and (roll < 0.07 or not candidates):
        firm = rng.choice(idle)
        held = coverage.get((ticker, firm))
        words = firm_words[firm]
        word = pick_word(words, rng)
        action = "Reinstates" if held is not None and held.state == "suspended" else "Initiates Coverage On"
        new = Coverage(word, target_for(word, price, rng), held.analyst if held and action == "Reinstates" else analyst_name(rng))
        coverage[(ticker, firm)] = new
        fields = dict(action_company=action, action_pt="Announces", rating_current=word, rating_prior="",
                      pt_current=money(new.target), pt_prior="", analyst=new.analyst)
    else:
        firm, held = rng.choice(candidates)
        words = firm_words[firm]
        position = words.index(held.word)
        roll = rng.random()
        prior_word, prior_target = held.word, held.target
        # An upgrade from the top of a scale (or a downgrade from its bottom) is a Maintains.
        if roll < 0.11 and position + 1 < len(words):
            action, held.word = "Upgrades", words[position + 1]
            held.target = max(prior_target, target_for(held.word, price, rng))
        elif roll < 0.11:
            action = "Maintains"
            held.target = target_for(held.word, price, rng)
        elif roll < 0.18 and position > 0:
            action, held.word = "Downgrades", words[position - 1]
            held.target = min(prior_target, target_for(held.word, price, rng))
        elif roll < 0.21:
            action, held.analyst = "Assumes", analyst_name(rng)
            held.target = target_for(held.word, price, rng)
        elif roll < 0.225:
            action = "Terminates Coverage On"
            held.state = "none"
        elif roll < 0.235:
            action = "Suspends"
            held.state = "suspended"
        elif roll < 0.242:
            action = "Removes"
        elif roll < 0.34:
            action = "Reiterates"
            if rng.random() < 0.4:
                held.target = target_for(held.word, price, rng)
        else:
            action = "Maintains"
            held.target = target_for(held.word, price, rng)
        ended = held.state != "covered"
        current_target = None if ended else held.target
        if current_target is None:
            action_pt = "Removes"
        elif action == "Assumes":
            action_pt = "Announces"
        elif current_target > prior_target:
            action_pt = "Raises"
        elif current_target < prior_target:
            action_pt = "Lowers"
        else:
            action_pt = "Maintains"
        fields = dict(action_company=action, action_pt=action_pt,
                      rating_current="" if ended else held.word, rating_prior=prior_word,
                      pt_current="" if current_target is None else money(current_target),
                      pt_prior=money(prior_target), analyst=held.analyst)

    updated = eastern_to_utc(local) + timedelta(seconds=rng.randint(20, 5400))
    data_id = ids.object_id(updated)
    content = {"id": data_id, "date": local.strftime("%Y-%m-%d"), "time": local.strftime("%H:%M:%S"),
               "ticker": ticker, "exchange": exchange}
    if isin and rng.random() < 0.9:
        content["isin"] = isin
        content["cusip"] = isin[2:11]
    content["name"] = name
    content["currency"] = "USD"
    content["action_pt"] = fields["action_pt"]
    content["action_company"] = fields["action_company"]
    content["rating_current"] = fields["rating_current"]
    content["pt_current"] = fields["pt_current"]
    if rng.random() < 0.2:
        content["adjusted_pt_current"] = fields["pt_current"]
    content["rating_prior"] = fields["rating_prior"]
    content["pt_prior"] = fields["pt_prior"]
    if "adjusted_pt_current" in content:
        content["adjusted_pt_prior"] = fields["pt_prior"]
    if rng.random() < 0.04 and fields["action_company"] in ("Maintains", "Reiterates"):
        # A rating published without a price target: both sides empty, as upstream sends them.
        content["pt_current"] = ""
        content["pt_prior"] = ""
        content["action_pt"] = ""
        content.pop("adjusted_pt_current", None)
        content.pop("adjusted_pt_prior", None)
    slug = ticker.replace(".", "-").lower()
    content["url"] = "https://www.benzinga.com/quote/%s/analyst-ratings" % ticker
    content["url_calendar"] = "https://www.benzinga.com/quote/%s/analyst-ratings" % ticker
    content["url_news"] = "https://www.benzinga.com/stock-articles/%s/analyst-ratings" % slug
    content["analyst"] = firm
    content["analyst_id"] = stable_hex("analyst:" + fields["analyst"])
    content["analyst_name"] = fields["analyst"]
    content["firm_id"] = stable_hex("firm:" + firm)
    importance = rng.choices([0, 1, 2, 3, 4, 5], weights=[10, 25, 25, 20, 12, 8])[0]
    content["importance"] = str(importance) if rng.random() < 0.08 else importance
    content["notes"] = ""
    content["updated"] = epoch(updated) * 1000 if rng.random() < 0.025 else epoch(updated)
    if rng.random() < 0.12:
        del content["id"]   # the documented example carries no content.id
    action = "Created" if rng.random() < 0.1 else "created"
    data = {"action": action, "id": data_id, "timestamp": rfc3339(updated + timedelta(seconds=rng.choice([0, 0, 0, 1, 2]))),
            "content": content}
    return {"kind": "create", "utc": updated, "ticker": ticker, "firm": firm, "id": data_id,
            "local": local, "content": content, "data": data, "word": fields["rating_current"],
            "target": fields["pt_current"]}


def add_updates_and_deletes(rng, ids, events):
    """Later corrections (same data.id, newer `updated`) and removals of some ratings."""
    extra = []
    live = {}
    for event in events:
        live[event["id"]] = event
    for event in list(events):
        roll = rng.random()
        if roll < 0.085:
            content = json.loads(dumps(event["content"]))
            when = event["utc"] + timedelta(minutes=rng.randint(20, 2880))
            change = rng.random()
            if change < 0.4 and content["pt_current"]:
                corrected = float(content["pt_current"]) + rng.choice([-5, -2, 2, 5, 10])
                content["pt_current"] = money(corrected)
                if "adjusted_pt_current" in content:
                    content["adjusted_pt_current"] = money(corrected)
            elif change < 0.7:
                content["notes"] = "Price target corrected after the firm's revised note."
            else:
                content["importance"] = rng.choice([2, 3, "4"])
            content["updated"] = epoch(when)
            action = "Updated" if rng.random() < 0.25 else "updated"
            data = {"action": action, "id": event["id"], "timestamp": rfc3339(when), "content": content}
            extra.append({"kind": "update", "utc": when, "ticker": event["ticker"], "firm": event["firm"],
                          "id": event["id"], "local": event["local"], "content": content, "data": data,
                          "word": content["rating_current"], "target": content["pt_current"]})
        elif roll < 0.105:
            when = event["utc"] + timedelta(minutes=rng.randint(30, 4320))
            if rng.random() < 0.5:
                content = json.loads(dumps(event["content"]))
                content["updated"] = epoch(when)
            else:
                content = {"id": event["id"], "ticker": event["ticker"], "updated": epoch(when)}
            action = "Deleted" if rng.random() < 0.3 else "deleted"
            data = {"action": action, "id": event["id"], "timestamp": rfc3339(when), "content": content}
            extra.append({"kind": "delete", "utc": when, "ticker": event["ticker"], "firm": event["firm"],
                          "id": event["id"], "data": data})
    # Keep updates before any delete of the same record: a delete is the record's last word.
    deleted_at = {e["id"]: e["utc"] for e in extra if e["kind"] == "delete"}
    extra = [e for e in extra if e["kind"] == "delete" or e["id"] not in deleted_at or e["utc"] < deleted_at[e["id"]]]
    return sorted(events + extra, key=lambda e: (e["utc"], e["id"], e["kind"]))


def rating_lines(rng, ids, events):
    lines = []
    for event in events:
        message = envelope(ids, "data/v2.1/calendar/ratings", event["data"])
        event["envelope"] = message
        lines.append(dumps(message))
    # A few messages arrive twice, as they do after a `replay` (same envelope id, same bytes).
    for index in sorted(rng.sample(range(50, len(lines) - 1), 4), reverse=True):
        lines.insert(index + 1, lines[index])
    return lines


# ---------------------------------------------------------------------------------------------
# Consensus, computed as Benzinga documents it: the latest rating of each firm counts (one
# analyst per firm and ticker here), Strong Sell = 1 ... Strong Buy = 5, mean score, label =
# score rounded to the nearest integer; price targets over the latest ratings that have one.
# ---------------------------------------------------------------------------------------------
def consensus_lines(rng, ids, events):
    records = {}        # data.id -> (ticker, firm, sort key, word, target)
    isin_seen = set()   # tickers whose ISIN a rating has already carried
    isin_of = {s[0]: s[3] for s in SECURITIES}
    pending = {}
    out = []
    since_last = {}
    for event in events:
        ticker = event["ticker"]
        if event["kind"] == "delete":
            records.pop(event["id"], None)
        else:
            key = (event["local"], event["utc"])
            records[event["id"]] = (ticker, event["firm"], key, event["word"], event["target"])
            if "isin" in event["content"]:
                isin_seen.add(ticker)
        since_last[ticker] = since_last.get(ticker, 0) + 1
        if since_last[ticker] >= pending.setdefault(ticker, rng.randint(2, 5)):
            since_last[ticker] = 0
            pending[ticker] = rng.randint(2, 6)
            when = event["utc"] + timedelta(minutes=rng.randint(1, 20))
            message = consensus_message(rng, ids, ticker, records, when, isin_of[ticker] if ticker in isin_seen else None)
            if message is not None:
                out.append((when, message))
    # Every ticker ends with a consensus reflecting all of its ratings.
    final = max(e["utc"] for e in events) + timedelta(minutes=30)
    for index, security in enumerate(SECURITIES):
        when = final + timedelta(seconds=index * 7)
        message = consensus_message(rng, ids, security[0], records, when, None)
        if message is not None:
            out.append((when, message))
    out.sort(key=lambda pair: pair[0])
    return [dumps(message) for _, message in out]


def consensus_message(rng, ids, ticker, records, when, known_isin):
    latest = {}
    total = 0
    for ticker_, firm, key, word, target in records.values():
        if ticker_ != ticker:
            continue
        total += 1 if word else 0
        if firm not in latest or key > latest[firm][0]:
            latest[firm] = (key, word, target)
    counted = [(word, target) for _, word, target in latest.values() if word]
    if not counted:
        return None
    scores = [SCORE[word] for word, _ in counted]
    score = sum(scores) / len(scores)
    label_value = min(5, max(1, int(score + 0.5)))
    targets = [float(target) for _, target in counted if target]
    buckets = {name: 0 for name in ("strong_buy", "buy", "hold", "sell", "strong_sell")}
    for value in scores:
        buckets[BUCKET[value]] += 1

    data = {}
    roll = rng.random()
    if known_isin and roll < 0.08:
        data["isin"] = known_isin
    elif roll < 0.15:
        data["symbol"] = ticker
    elif roll < 0.22:
        data["security"] = {"symbol": ticker}
    else:
        data["ticker"] = ticker
    hyphen = rng.random()
    aggregate = {}
    for name, count in buckets.items():
        if name == "strong_sell" and hyphen < 0.15:
            name = "strong-sell"
        if name == "strong_buy" and hyphen < 0.05:
            name = "strong-buy"
        aggregate[name] = count
    data["aggregate_ratings"] = aggregate
    data["aggregate_type"] = "number"
    if rng.random() < 0.2:
        data["consensus_rating"] = LABEL_TITLE[label_value]
    else:
        data["consensus_rating"] = LABEL[label_value]
    data["consensus_rating_val"] = round(score, 2)
    if targets:
        mean = sum(targets) / len(targets)
        style = rng.random()
        if style < 0.1:
            data["consensus_price_target"] = round(mean, 4)
        elif style < 0.15:
            data["consensus_price_target"] = int(round(mean))
        else:
            data["consensus_price_target"] = round(mean, 2)
        data["high_price_target"] = max(targets)
        data["low_price_target"] = min(targets)
    data["total_analyst_count"] = total
    data["unique_analyst_count"] = len(counted)
    if rng.random() < 0.2:
        data["updated_at"] = utc_to_eastern(when).strftime("%Y-%m-%d %H:%M:%S")
    else:
        data["updated_at"] = rfc3339(when)
    # The consensus stream's documented `kind` is the ratings kind: kept, routing is by connection.
    return envelope(ids, "data/v2.1/calendar/ratings", data)


# ---------------------------------------------------------------------------------------------
# Insights: a firm's note on a rating, tied by content.security.symbol; `updated` in milliseconds.
# ---------------------------------------------------------------------------------------------
def insight_lines(rng, ids, events):
    securities = {s[0]: s for s in SECURITIES}
    chosen = set(s[0] for s in SECURITIES[:8]) | set(rng.sample([s[0] for s in SECURITIES[8:]], 18))
    creates = [e for e in events if e["kind"] == "create" and e["ticker"] in chosen and e["word"]]
    picked = [e for e in creates if rng.random() < 0.16]
    for ticker in sorted(chosen):
        own = [e for e in creates if e["ticker"] == ticker]
        mine = [e for e in picked if e["ticker"] == ticker]
        for extra in own[:max(0, 2 - len(mine))]:
            picked.append(extra)
    out = []
    for event in picked:
        security = securities[event["ticker"]]
        content = event["content"]
        when = event["utc"] + timedelta(minutes=rng.randint(5, 90), seconds=rng.randint(0, 59))
        insight_id = ids.uuid()
        verb = {"Upgrades": "upgraded", "Downgrades": "downgraded", "Maintains": "maintained",
                "Reiterates": "reiterated", "Initiates Coverage On": "initiated coverage of",
                "Assumes": "assumed coverage of", "Reinstates": "reinstated coverage of",
                "Removes": "updated its view on"}.get(content["action_company"], "updated its view on")
        text = "%s analyst %s %s %s with a %s rating%s, citing %s." % (
            event["firm"], content["analyst_name"], verb, security[1], content["rating_current"],
            " and a $%s price target" % content["pt_current"] if content["pt_current"] else "",
            rng.choice(REASONS))
        sec = {"symbol": security[0], "name": security[1], "exchange": security[2]}
        if security[3]:
            sec["isin"] = security[3]
        if security[6]:
            sec["cik"] = security[6]
        body = {"action": content["action_company"], "analyst_insights": text,
                "date": content["date"], "firm": event["firm"], "firm_id": content["firm_id"],
                "id": insight_id, "pt": content["pt_current"], "rating": content["rating_current"],
                "rating_id": event["id"], "security": sec, "updated": epoch(when) * 1000 + rng.randint(0, 999)}
        action = "Created" if rng.random() < 0.1 else "created"
        data = {"action": action, "id": insight_id, "timestamp": rfc3339(when), "content": body}
        out.append((when, data))
        roll = rng.random()
        if roll < 0.12:
            later = when + timedelta(minutes=rng.randint(10, 600))
            revised = json.loads(dumps(body))
            revised["analyst_insights"] = text + " The note was revised to add estimate changes."
            revised["updated"] = epoch(later) * 1000 + rng.randint(0, 999)
            out.append((later, {"action": "updated", "id": insight_id, "timestamp": rfc3339(later), "content": revised}))
        elif roll < 0.16:
            later = when + timedelta(minutes=rng.randint(10, 900))
            out.append((later, {"action": "Deleted" if roll < 0.14 else "deleted", "id": insight_id,
                                "timestamp": rfc3339(later),
                                "content": {"id": insight_id, "updated": epoch(later) * 1000}}))
    out.sort(key=lambda pair: pair[0])
    # The insights example's `kind` is literally "stream_type": kept, routing is by connection.
    return [dumps(envelope(ids, "stream_type", data)) for _, data in out], chosen


# ---------------------------------------------------------------------------------------------
# Fixtures/bad: one malformed or hostile message per file, with the source it is fed to and the
# category of dead letter it must become (the `DecodeFailure.Category` raw values).
# ---------------------------------------------------------------------------------------------
GOOD_RATING = ('{"id":"0b6c1c52-3a39-4f5e-9a53-0c1f7f0c8e21","api_version":"websocket/v1",'
               '"kind":"data/v2.1/calendar/ratings","data":{"action":"created","id":"6960f1a2c3d4e5f601234567",'
               '"timestamp":"2026-01-09T14:05:00Z","content":{"id":"6960f1a2c3d4e5f601234567",'
               '"date":"2026-01-09","time":"08:55:12","ticker":"AAPL","exchange":"NASDAQ","name":"Apple Inc.",'
               '"action_company":"Maintains","action_pt":"Raises","rating_current":"Buy","rating_prior":"Buy",'
               '"pt_current":"290.00","pt_prior":"275.00","analyst":"Goldman Sachs",'
               '"firm_id":"%s","importance":3,"updated":1767967500}}}' % stable_hex("firm:Goldman Sachs"))
GOOD_INSIGHT = ('{"id":"5f0e2b8e-6a3e-4c55-8d0f-2f3d6f0e9b11","api_version":"websocket/v1","kind":"stream_type",'
                '"data":{"action":"created","id":"1c9e4a0e-3b7f-4a55-9d2e-7b1a2c3d4e5f","timestamp":"2026-01-09T15:00:00Z",'
                '"content":{"action":"Maintains","analyst_insights":"Goldman Sachs keeps its Buy rating.",'
                '"firm":"Goldman Sachs","pt":"290.00","rating":"Buy",'
                '"security":{"symbol":"AAPL","name":"Apple Inc.","exchange":"NASDAQ"},"updated":1767970800000}}}')
GOOD_CONSENSUS = ('{"id":"7d1f0c3a-9e2b-4f6a-8c5d-1e2f3a4b5c6d","api_version":"websocket/v1",'
                  '"kind":"data/v2.1/calendar/ratings","data":{"ticker":"AAPL","aggregate_ratings":'
                  '{"strong_buy":3,"buy":20,"hold":9,"sell":1,"strong_sell":0},"aggregate_type":"number",'
                  '"consensus_rating":"BUY","consensus_rating_val":3.76,"consensus_price_target":287.35,'
                  '"high_price_target":350.0,"low_price_target":200.0,"total_analyst_count":40,'
                  '"unique_analyst_count":33,"updated_at":"2026-01-09T15:10:00Z"}}')


def replace_once(text, old, new):
    assert text.count(old) == 1, old
    return text.replace(old, new)


def bad_messages():
    r, i, c = GOOD_RATING, GOOD_INSIGHT, GOOD_CONSENSUS
    cases = [
        ("truncated.json", "ratings", "invalid-json", "a rating cut off in the middle", r[:len(r) // 2].encode()),
        ("truncated-in-string.json", "ratings", "invalid-json", "cut off inside a string", r[:r.index("Apple") + 3].encode()),
        ("not-json.txt", "ratings", "invalid-json", "plain text", b"hello, this is not JSON\n"),
        ("ping-reply.txt", "ratings", "invalid-json", "a stray `pong` text frame", b"pong"),
        ("empty.txt", "ratings", "empty", "an empty line", b""),
        ("whitespace.txt", "consensus", "empty", "only whitespace", b" \t\r\n  "),
        ("top-level-array.json", "ratings", "not-an-object", "a JSON array at top level", b"[" + r.encode() + b"]"),
        ("top-level-number.json", "insights", "not-an-object", "a JSON number at top level", b"42"),
        ("top-level-string.json", "consensus", "not-an-object", "a JSON string at top level", b'"data"'),
        ("top-level-null.json", "ratings", "not-an-object", "JSON null", b"null"),
        ("missing-data.json", "ratings", "missing-field", "an envelope without data",
         b'{"id":"0b6c1c52-3a39-4f5e-9a53-0c1f7f0c8e21","api_version":"websocket/v1","kind":"data/v2.1/calendar/ratings"}'),
        ("data-is-string.json", "insights", "wrong-type", "data is a string",
         b'{"id":"x","api_version":"websocket/v1","kind":"stream_type","data":"created"}'),
        ("missing-data-id.json", "ratings", "missing-field", "no data.id",
         replace_once(r, '"id":"6960f1a2c3d4e5f601234567","timestamp"', '"timestamp"').encode()),
        ("missing-ticker.json", "ratings", "missing-field", "no data.content.ticker",
         replace_once(r, '"ticker":"AAPL",', "").encode()),
        ("missing-content.json", "ratings", "missing-field", "a created rating with no content",
         r[:r.index(',"content"')].encode() + b"}}"),
        ("missing-action.json", "ratings", "missing-field", "no data.action",
         replace_once(r, '"action":"created",', "").encode()),
        ("unknown-action.json", "ratings", "unknown-action", 'data.action "Exploded"',
         replace_once(r, '"action":"created"', '"action":"Exploded"').encode()),
        ("importance-word.json", "ratings", "wrong-type", 'importance "high"',
         replace_once(r, '"importance":3', '"importance":"high"').encode()),
        ("importance-negative.json", "ratings", "out-of-range", "importance -1",
         replace_once(r, '"importance":3', '"importance":-1').encode()),
        ("importance-over-five.json", "ratings", "out-of-range", "importance 9",
         replace_once(r, '"importance":3', '"importance":9').encode()),
        ("importance-huge-integer.json", "ratings", "out-of-range", "importance beyond 64 bits",
         replace_once(r, '"importance":3', '"importance":123456789012345678901234567890').encode()),
        ("importance-fraction.json", "ratings", "out-of-range", "importance 2.5",
         replace_once(r, '"importance":3', '"importance":2.5').encode()),
        ("pt-object.json", "ratings", "wrong-type", "pt_current {}",
         replace_once(r, '"pt_current":"290.00"', '"pt_current":{}').encode()),
        ("pt-bool.json", "ratings", "wrong-type", "pt_current true",
         replace_once(r, '"pt_current":"290.00"', '"pt_current":true').encode()),
        ("pt-word.json", "ratings", "wrong-type", 'pt_current "n/a"',
         replace_once(r, '"pt_current":"290.00"', '"pt_current":"n/a"').encode()),
        ("pt-nan-string.json", "ratings", "wrong-type", 'pt_prior "NaN" (Swift would parse it)',
         replace_once(r, '"pt_prior":"275.00"', '"pt_prior":"NaN"').encode()),
        ("pt-1e999.json", "ratings", "out-of-range", "pt_current 1e999 (infinite as a double)",
         replace_once(r, '"pt_current":"290.00"', '"pt_current":1e999').encode()),
        ("pt-negative.json", "ratings", "out-of-range", 'pt_current "-5.00"',
         replace_once(r, '"pt_current":"290.00"', '"pt_current":"-5.00"').encode()),
        ("updated-word.json", "ratings", "wrong-type", 'updated "yesterday"',
         replace_once(r, '"updated":1767967500', '"updated":"yesterday"').encode()),
        ("updated-huge-integer.json", "ratings", "out-of-range", "updated beyond 64 bits",
         replace_once(r, '"updated":1767967500', '"updated":99999999999999999999999').encode()),
        ("updated-negative.json", "ratings", "out-of-range", "updated before 1970",
         replace_once(r, '"updated":1767967500', '"updated":-1767967500').encode()),
        ("timestamp-garbage.json", "ratings", "invalid-value", 'data.timestamp "soon"',
         replace_once(r, '"timestamp":"2026-01-09T14:05:00Z"', '"timestamp":"soon"').encode()),
        ("date-garbage.json", "ratings", "invalid-value", 'content.date "2026-02-30"',
         replace_once(r, '"date":"2026-01-09"', '"date":"2026-02-30"').encode()),
        ("ticker-injection.json", "ratings", "invalid-ticker", "a ticker with spaces and a semicolon",
         replace_once(r, '"ticker":"AAPL"', '"ticker":"AAPL; DROP TABLE ratings"').encode()),
        ("ticker-too-long.json", "ratings", "invalid-ticker", "a 17-character ticker",
         replace_once(r, '"ticker":"AAPL"', '"ticker":"ABCDEFGHIJKLMNOPQ"').encode()),
        ("ticker-number.json", "ratings", "wrong-type", "ticker as an object",
         replace_once(r, '"ticker":"AAPL"', '"ticker":{"symbol":"AAPL"}').encode()),
        ("data-id-control.json", "ratings", "invalid-value", "a data.id holding a control character",
         replace_once(r, '"id":"6960f1a2c3d4e5f601234567","timestamp"', '"id":"6960\\u0007f1","timestamp"').encode()),
        ("duplicate-key.json", "ratings", "ambiguous", "ticker given twice with different values",
         replace_once(r, '"ticker":"AAPL"', '"ticker":"AAPL","ticker":"MSFT"').encode()),
        ("non-utf8.json", "ratings", "invalid-json", "bytes 0xFF 0xFE inside a string",
         replace_once(r, "Apple Inc.", "Apple@@").encode().replace(b"@@", b"\xff\xfe")),
        ("overlong-utf8.json", "ratings", "invalid-json", "an overlong UTF-8 encoding of '/'",
         replace_once(r, "Apple Inc.", "Apple@@").encode().replace(b"@@", b"\xc0\xaf")),
        ("nul-in-string.json", "ratings", "invalid-json", "a raw NUL byte inside a string",
         replace_once(r, "Apple Inc.", "Apple@@").encode().replace(b"@@", b"\x00")),
        ("nul-between-tokens.json", "insights", "invalid-json", "a raw NUL byte between tokens",
         i.encode().replace(b'"kind"', b'\x00"kind"', 1)),
        ("lone-surrogate.json", "ratings", "invalid-json", "an escaped lone high surrogate",
         replace_once(r, "Apple Inc.", "Apple \\ud83d Inc.").encode()),
        ("bad-escape.json", "ratings", "invalid-json", "an unknown escape \\x",
         replace_once(r, "Apple Inc.", "Apple \\x41").encode()),
        ("leading-zero.json", "ratings", "invalid-json", "a number with a leading zero",
         replace_once(r, '"importance":3', '"importance":03').encode()),
        ("nan-literal.json", "ratings", "invalid-json", "a bare NaN",
         replace_once(r, '"importance":3', '"importance":NaN').encode()),
        ("trailing-garbage.json", "ratings", "invalid-json", "a second value after the message",
         (r + " {}").encode()),
        ("single-quotes.json", "ratings", "invalid-json", "single-quoted strings",
         r.replace('"', "'").encode()),
        ("huge-string.json", "ratings", "too-large", "a 1 MiB notes string (message over the 1 MiB limit)",
         replace_once(r, '"importance":3', '"importance":3,"notes":"%s"' % ("A" * (1 << 20))).encode()),
        ("long-notes.json", "ratings", "too-large", "a 100 KiB notes string (over the text field limit)",
         replace_once(r, '"importance":3', '"importance":3,"notes":"%s"' % ("lorem ipsum " * 8534)).encode()),
        ("deep-arrays.json", "ratings", "too-deep", "100 000 nested arrays", b"[" * 100000),
        ("deep-objects.json", "ratings", "too-deep", "10 000 nested objects in content",
         replace_once(r, '"importance":3', '"importance":3,"x":' + '{"a":' * 10000 + "1" + "}" * 10000).encode()),
        ("insight-no-security.json", "insights", "missing-field", "an insight with no security",
         replace_once(i, '"security":{"symbol":"AAPL","name":"Apple Inc.","exchange":"NASDAQ"},', "").encode()),
        ("insight-pt-array.json", "insights", "wrong-type", "pt as an array",
         replace_once(i, '"pt":"290.00"', '"pt":["290.00"]').encode()),
        ("insight-updated-float-word.json", "insights", "wrong-type", 'updated "1.7e12ms"',
         replace_once(i, '"updated":1767970800000', '"updated":"1.7e12ms"').encode()),
        ("consensus-no-tie.json", "consensus", "no-security", "the documented example: names no security",
         replace_once(c, '"ticker":"AAPL",', "").encode()),
        ("consensus-unknown-isin.json", "consensus", "no-security", "an ISIN no rating or insight has carried",
         replace_once(c, '"ticker":"AAPL"', '"isin":"GB0002634946"').encode()),
        ("consensus-conflicting-tie.json", "consensus", "ambiguous", "ticker AAPL but symbol MSFT",
         replace_once(c, '"ticker":"AAPL"', '"ticker":"AAPL","symbol":"MSFT"').encode()),
        ("consensus-bad-ticker.json", "consensus", "invalid-ticker", "ticker with a space",
         replace_once(c, '"ticker":"AAPL"', '"ticker":"AA PL"').encode()),
        ("consensus-count-word.json", "consensus", "wrong-type", 'total_analyst_count "many"',
         replace_once(c, '"total_analyst_count":40', '"total_analyst_count":"many"').encode()),
        ("consensus-negative-count.json", "consensus", "out-of-range", "a negative bucket count",
         replace_once(c, '"sell":1', '"sell":-1').encode()),
        ("consensus-rating-val-over.json", "consensus", "out-of-range", "consensus_rating_val 7.5",
         replace_once(c, '"consensus_rating_val":3.76', '"consensus_rating_val":7.5').encode()),
        ("consensus-updated-at-garbage.json", "consensus", "invalid-value", 'updated_at "last tuesday"',
         replace_once(c, '"updated_at":"2026-01-09T15:10:00Z"', '"updated_at":"last tuesday"').encode()),
        ("consensus-no-figures.json", "consensus", "missing-field", "a tie but no consensus figures",
         b'{"id":"7d1f0c3a-9e2b-4f6a-8c5d-1e2f3a4b5c6d","api_version":"websocket/v1",'
         b'"kind":"data/v2.1/calendar/ratings","data":{"ticker":"AAPL","updated_at":"2026-01-09T15:10:00Z"}}'),
        ("consensus-aggregate-array.json", "consensus", "wrong-type", "aggregate_ratings as an array",
         replace_once(c, '{"strong_buy":3,"buy":20,"hold":9,"sell":1,"strong_sell":0}', "[3,20,9,1,0]").encode()),
    ]
    return cases


def write_bad(directory):
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        os.remove(os.path.join(directory, name))
    cases = bad_messages()
    manifest = []
    for name, source, category, description, payload in cases:
        with open(os.path.join(directory, name), "wb") as handle:
            handle.write(payload)
        manifest.append({"file": name, "source": source, "category": category, "description": description})
    with open(os.path.join(directory, "manifest.json"), "w") as handle:
        handle.write(json.dumps(manifest, indent=1) + "\n")
    rows = "\n".join("| `%s` | %s | `%s` | %s |" % (m["file"], m["source"], m["category"], m["description"].replace("|", "\\|"))
                     for m in manifest)
    with open(os.path.join(directory, "README.md"), "w") as handle:
        handle.write(BAD_README % {"count": len(manifest), "rows": rows})


BAD_README = """# Fixtures/bad: malformed and hostile upstream messages

Generated by `scripts/generate-fixtures.py`; do not edit by hand. Each file holds exactly one
message as it would arrive in one WebSocket text frame (no trailing newline unless the case is
about whitespace). `manifest.json` lists the same %(count)d files for the tests: the source
(connection) each is fed to and the category of dead letter it must become, which is the raw
value of `DecodeFailure.Category` in `Sources/Feeds`. Feeding any of them must leave the store
unchanged except for one dead letter, and must never crash or hang.

| file | fed to | category | what is wrong |
| ---- | ------ | -------- | ------------- |
%(rows)s
"""


README = """# Fixtures: recorded-style Benzinga streams

Generated by `scripts/generate-fixtures.py` (seed %(seed)d; deterministic, no network, no clock):
`python3 scripts/generate-fixtures.py` rewrites this folder, `--check` verifies it is current.
Each `.jsonl` file holds one upstream WebSocket message per line, exactly in Benzinga's documented
envelope `{"id": <uuid>, "api_version": "websocket/v1", "kind": ..., "data": ...}`, in the order
the stream would deliver them (chronological). `ratingsd` replays these in demo mode, and the
tests decode every line.

| file | messages | what |
| ---- | -------- | ---- |
| `ratings.jsonl` | %(ratings)d | %(creates)d ratings created, %(updates)d updates, %(deletes)d deletes, %(replays)d re-sent duplicates; %(rating_tickers)d tickers, %(firms)d firms, %(first_day)s to %(last_day)s |
| `consensus.jsonl` | %(consensus)d | consensus for every one of the %(consensus_tickers)d tickers, several times each as ratings accumulate |
| `insights.jsonl` | %(insights)d | analyst insights on %(insight_tickers)d tickers, with updates and deletes |
| `bad/` | %(bad)d | one malformed or hostile message per file; see `bad/README.md` |

## How demo mode uses them
With no `BENZINGA_TOKEN`, ratingsd feeds these files through the same decode-and-apply path as
the live streams (`Feeds.DemoReplay`, `Feeds.DemoFeed`). First every line as recorded, the three
files merged by time (`content.updated`, `data.timestamp`, `updated_at`), so the state is complete
when the service reports ready. Then it loops forever at `--demo-rate` messages per second,
re-writing each line for loop `n`: a fresh envelope `id` (a re-sent line keeps its twin's, so it
stays a duplicate), `data.id`, `content.id` and insight `rating_id` suffixed `-r<n>` (new
records whose updates and deletes still find them), and every timestamp set to the current time
in the line's own format (seconds stay seconds, an Eastern `updated_at` stays Eastern).

## What is real and what is made up
Tickers, company names, listing exchanges, ISINs (and CUSIPs, characters 3-11 of a US ISIN) are
real; ISINs are given only where known with confidence and each passes the ISIN check digit
(`PLTR` and `BF.B` carry none). Broker firm names and the rating words each firm uses are real.
Firm ids, analyst ids, rating ids and every analyst's name are made up (ids are stable hashes, so
a firm keeps its `firm_id` everywhere). Prices and price targets are plausible, not historical.

## The traps the files keep on purpose (see ../shared/upstream/FACTS.md)
- Ratings: `data.action` as `created`/`updated`/`deleted` and capitalised (`Created`, `Updated`,
  `Deleted`); price targets as strings (`"290.00"`), sometimes `""` (coverage terminated or
  suspended, or a rating published without a target); `importance` usually an integer, sometimes
  a string (`"3"`); `updated` in Unix seconds, a few in milliseconds; `adjusted_pt_*` on some
  lines; `content.id` absent on some lines (as in the documented example). `date`/`time` are the
  rating's US Eastern wall clock, `updated` and `data.timestamp` when the record was (re)written.
  Updates repeat the whole record under the same `data.id` with a newer `updated`; deletes carry
  either the whole record or only `id`, `ticker` and `updated`. A few lines are sent twice (same
  envelope id), as after a `replay`.
- Consensus: the documented `kind` is the ratings kind (`data/v2.1/calendar/ratings`) and it is
  kept; `consensus_rating` comes as `BUY` and as `Buy` (and `STRONG_BUY`/`Strong Buy`);
  `aggregate_ratings` uses `strong_sell` and sometimes `strong-sell` (and `strong-buy`); price
  targets are mostly two decimals, some four (`250.1784`), some whole integers; `updated_at` is
  mostly RFC 3339 `Z`, sometimes `YYYY-MM-DD HH:MM:SS` US Eastern.
- Insights: the documented `kind` is literally `stream_type` and it is kept; the security is
  `content.security.symbol`; `pt` is a string; `updated` in milliseconds.

## How a consensus message names its security
Benzinga's documented consensus payload names no ticker and no ISIN. A real upstream must add
something for a multi-ticker subscription to be usable, and FACTS.md lists what it could add. The
fixture records the tie inside `data` the way such an upstream could really send it:
%(tie_counts)s. An `isin` tie is used only for a ticker whose ISIN a rating earlier in the
timeline has already carried, so the store can resolve it (`StoreWriting.ticker(forISIN:)`).
ratingsd never guesses: a consensus message tied to nothing (and not arriving on a subscription of
exactly one ticker) is a dead letter, as `bad/consensus-no-tie.json` shows.

## How the consensus figures are computed (FACTS.md, "How Benzinga computes a consensus")
For each consensus message, over the ratings of the ticker published so far (deleted ones left
out): the latest rating of each firm counts (the fixtures have one analyst per firm and ticker at
a time, so firm and analyst-firm pair coincide); a firm whose latest action terminated or
suspended coverage (empty `rating_current`) is left out. Words map Strong Sell = 1, Sell = 2,
Hold = 3, Buy = 4, Strong Buy = 5 (Outperform/Overweight = 4, Neutral/Equal-Weight/Market Perform
= 3, Underperform/Underweight/Reduce = 2, Conviction Buy = 5); `consensus_rating_val` is the mean
(2 decimals), `consensus_rating` the mean rounded to the nearest integer; the price-target mean,
high and low are over the counted ratings that have a target; `aggregate_ratings` counts the
counted ratings per bucket (so they sum to `unique_analyst_count`); `total_analyst_count` is every
live rating of the ticker with a rating word. A consensus follows every 2-6 rating changes of a
ticker, 1-20 minutes after the last of them, and every ticker gets a final one after the last
rating. `aggregate_type` is always `number`.
"""


def build():
    rng = random.Random(SEED)
    ids = Ids(rng)
    for security in SECURITIES:
        assert security[3] is None or isin_is_valid(security[3]), security
    events = generate_ratings(rng, ids)
    events = add_updates_and_deletes(rng, ids, events)
    ratings = rating_lines(rng, ids, events)
    consensus = consensus_lines(rng, ids, events)
    insights, insight_tickers = insight_lines(rng, ids, events)
    files = {
        "ratings.jsonl": "\n".join(ratings) + "\n",
        "consensus.jsonl": "\n".join(consensus) + "\n",
        "insights.jsonl": "\n".join(insights) + "\n",
    }
    ties = {"ticker": 0, "symbol": 0, "security": 0, "isin": 0}
    consensus_tickers = set()
    for line in consensus:
        data = json.loads(line)["data"]
        for key in ties:
            if key in data:
                ties[key] += 1
                consensus_tickers.add(data.get("ticker") or data.get("symbol")
                                      or (data.get("security") or {}).get("symbol")
                                      or next(s[0] for s in SECURITIES if s[3] == data.get("isin")))
    tie_counts = ("`ticker` in %d messages, `symbol` in %d, `security: {\"symbol\": ...}` in %d and "
                  "`isin` alone in %d" % (ties["ticker"], ties["symbol"], ties["security"], ties["isin"]))
    kinds = [e["kind"] for e in events]
    files["README.md"] = README % {
        "seed": SEED, "ratings": len(ratings), "creates": kinds.count("create"),
        "updates": kinds.count("update"), "deletes": kinds.count("delete"),
        "replays": len(ratings) - len(events), "rating_tickers": len({e["ticker"] for e in events}),
        "firms": len({e["firm"] for e in events}), "first_day": START.strftime("%Y-%m-%d"),
        "last_day": END.strftime("%Y-%m-%d"), "consensus": len(consensus),
        "consensus_tickers": len(consensus_tickers), "insights": len(insights),
        "insight_tickers": len(insight_tickers), "bad": len(bad_messages()), "tie_counts": tie_counts,
    }
    assert len(consensus_tickers) == len(SECURITIES), consensus_tickers
    return files


def main():
    files = build()
    if "--check" in sys.argv[1:]:
        stale = []
        for name, text in files.items():
            path = os.path.join(FIXTURES, name)
            if not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
                stale.append(name)
        for name, source, category, description, payload in bad_messages():
            path = os.path.join(FIXTURES, "bad", name)
            if not os.path.exists(path) or open(path, "rb").read() != payload:
                stale.append("bad/" + name)
        if stale:
            print("Fixtures are stale: " + ", ".join(stale), file=sys.stderr)
            return 1
        print("Fixtures are current.")
        return 0
    os.makedirs(FIXTURES, exist_ok=True)
    for name, text in files.items():
        with open(os.path.join(FIXTURES, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    write_bad(os.path.join(FIXTURES, "bad"))
    print("Wrote %s" % ", ".join(sorted(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
