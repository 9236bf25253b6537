"""Peers on the same paragraphs as Tandem, one core each, and the comparison table.

compare.py paragraphs SAMPLES OUT      split the samples into paragraph files (language in the name)
compare.py peers PARAGRAPHS KILOBYTES  time dateparser and Duckling over about KILOBYTES of them
compare.py table TANDEM_JSON PEERS_JSON print the side-by-side table
"""
import json
import os
import sys
import time


def paragraphs(samples, out):
    os.makedirs(out, exist_ok=True)
    count = 0
    for root, _, files in os.walk(samples):
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            language = "vi" if name.startswith(("000", "001")) or ".vi." in name else "en"
            text = open(os.path.join(root, name), encoding="utf-8").read()
            for paragraph in text.split("\n"):
                if len(paragraph.strip()) < 40:
                    continue
                with open(os.path.join(out, f"{count:05d}.{language}.txt"), "w", encoding="utf-8") as f:
                    f.write(paragraph.strip() + "\n")
                count += 1
    print(f"{count} paragraphs", file=sys.stderr)


def load(folder, kilobytes):
    items = []
    for name in sorted(os.listdir(folder)):
        language = name.split(".")[1]
        items.append((language, open(os.path.join(folder, name), encoding="utf-8").read()))
    corpus, size = [], 0
    while size < kilobytes * 1000:
        for language, text in items:
            corpus.append((language, text))
            size += len(text.encode("utf-8"))
    return corpus, size


def time_peer(name, corpus, size, run):
    run(corpus[:3])  # warm-up (loads models and tables)
    started = time.perf_counter()
    found = run(corpus)
    seconds = time.perf_counter() - started
    return {"name": name, "bytes": size, "seconds": seconds, "mb_per_s": size / 1e6 / seconds, "found": found}


def peers(folder, kilobytes):
    corpus, size = load(folder, int(kilobytes))
    results = []
    try:
        from dateparser.search import search_dates

        def dateparser_run(items):
            found = 0
            for language, text in items:
                found += len(search_dates(text, languages=[language]) or [])
            return found

        results.append(time_peer("dateparser", corpus, size, dateparser_run))
    except Exception as error:  # noqa: BLE001 - report, do not stop the table
        results.append({"name": "dateparser", "error": str(error)})
    try:
        import duckling

        zones = duckling.load_time_zones("/usr/share/zoneinfo")
        reference = duckling.parse_ref_time(zones, "Asia/Ho_Chi_Minh", 1707177600)
        contexts = {}
        for language in ("vi", "en"):
            lang = duckling.parse_lang(language.upper())
            locale = duckling.default_locale_lang(lang)
            contexts[language] = duckling.Context(reference, locale)
        dimensions = duckling.parse_dimensions(["time", "number"])

        def duckling_run(items):
            found = 0
            for language, text in items:
                found += len(duckling.parse(text, contexts[language], dimensions, False))
            return found

        results.append(time_peer("Duckling (pyduckling-native)", corpus, size, duckling_run))
    except Exception as error:  # noqa: BLE001
        results.append({"name": "Duckling (pyduckling-native)", "error": str(error)})
    print(json.dumps(results))


def table(tandem_path, peers_path):
    tandem = json.load(open(tandem_path))
    floor = next(row["mb_per_s"] for row in tandem if row.get("kind") == "icu_floor")
    single = next(row for row in tandem if row.get("workers") == 1)
    tandem_rate = single["mb_per_cpu_s"]
    rows = [("ICU floor (convert, NFC, word breaks)", floor), ("Tandem (numbers, dates, entities)", tandem_rate)]
    for peer in json.load(open(peers_path)):
        rows.append((peer["name"], peer.get("mb_per_s")) if "error" not in peer else (peer["name"] + " (failed: " + peer["error"][:60] + ")", None))
    print(f"{'system':45} {'MB/s, 1 core':>13} {'Tandem ÷ it':>12} {'it ÷ floor':>11}")
    for name, rate in rows:
        if rate is None:
            print(f"{name:45} {'-':>13} {'-':>12} {'-':>11}")
            continue
        print(f"{name:45} {rate:13.3f} {tandem_rate / rate:11.2f}× {rate / floor:10.1%}")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "paragraphs":
        paragraphs(sys.argv[2], sys.argv[3])
    elif command == "peers":
        peers(sys.argv[2], sys.argv[3])
    else:
        table(sys.argv[2], sys.argv[3])
