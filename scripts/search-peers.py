#!/usr/bin/env python3
"""The search benchmark's peers: Xapian (Debian's python3-xapian) and Tantivy (PyPI tantivy) on the
same rows as Docket's archive, with the same queries, timed in-process.

    search-peers.py --rows plain.sqlite --dir DIR --repeat 25 --queries '["vedtak", ...]'

Reads the rows (rowid, title, case_text, proposal, decision) from the benchmark's plain FTS5 table,
indexes them once into DIR (kept: a later run with the same DIR only searches), with the field
weights Docket uses (title 10, case text 1, proposal 2, decision 5: Xapian by within-document
frequency increments, Tantivy by boosts at query time), Norwegian Snowball stems, BM25, best 20 with
a snippet each. Prints one JSON object: per engine, build seconds, index bytes, and per query the
number of matches and the times of each run in seconds. An engine that cannot be imported is
reported with the reason instead.
"""
import argparse, json, os, sqlite3, sys, time

WEIGHTS = {"title": 10, "case_text": 1, "proposal": 2, "decision": 5}
FIELDS = list(WEIGHTS)


def rows(path):
    connection = sqlite3.connect(path)
    try:
        yield from connection.execute("SELECT rowid, title, case_text, proposal, decision FROM item_search ORDER BY rowid")
    finally:
        connection.close()


def folder_bytes(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder) for f in files)


def run_xapian(args, queries):
    try:
        import xapian
    except ImportError:
        sys.path.append("/usr/lib/python3/dist-packages")  # Debian's module beside another python3
        import xapian
    folder = os.path.join(args.dir, "xapian")
    built = os.path.exists(os.path.join(folder, "built"))
    build = None
    if not built:
        started = time.perf_counter()
        db = xapian.WritableDatabase(folder, xapian.DB_CREATE_OR_OVERWRITE)
        generator = xapian.TermGenerator()
        generator.set_stemmer(xapian.Stem("norwegian"))
        db.begin_transaction()
        for rowid, *texts in rows(args.rows):
            document = xapian.Document()
            generator.set_document(document)
            for field, text in zip(FIELDS, texts):
                if text:
                    generator.index_text(text, WEIGHTS[field])
                    generator.increase_termpos()
            document.set_data("\n".join(t or "" for t in texts[:2]))
            document.add_value(0, str(rowid))
            db.replace_document(rowid, document)
        db.commit_transaction()
        db.close()
        build = time.perf_counter() - started
        open(os.path.join(folder, "built"), "w").close()
    db = xapian.Database(folder)
    parser = xapian.QueryParser()
    parser.set_stemmer(xapian.Stem("norwegian"))
    parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    parser.set_default_op(xapian.Query.OP_AND)
    parser.set_database(db)
    flags = xapian.QueryParser.FLAG_BOOLEAN | xapian.QueryParser.FLAG_PHRASE | xapian.QueryParser.FLAG_WILDCARD
    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BM25Weight(1.2, 0, 1, 0.75, 0.5))
    stem = xapian.Stem("norwegian")
    result = {"build_s": build, "bytes": folder_bytes(folder), "queries": {}}
    for text in queries:
        times, matches = [], 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            enquire.set_query(parser.parse_query(text, flags))
            mset = enquire.get_mset(0, 20)
            for match in mset:
                mset.snippet(match.document.get_data().decode(), 200, stem)
            times.append(time.perf_counter() - started)
            matches = mset.get_matches_estimated()
        result["queries"][text] = {"matches": matches, "times": times}
    return result


def run_tantivy(args, queries):
    import tantivy
    folder = os.path.join(args.dir, "tantivy")
    analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.stemmer("norwegian")).build())
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True)
    for field in FIELDS:
        builder.add_text_field(field, stored=field in ("title", "case_text"), tokenizer_name="norwegian_stem")
    schema = builder.build()
    os.makedirs(folder, exist_ok=True)
    built = os.path.exists(os.path.join(folder, "built"))
    index = tantivy.Index(schema, path=folder, reuse=built)
    index.register_tokenizer("norwegian_stem", analyzer)
    build = None
    if not built:
        started = time.perf_counter()
        writer = index.writer(heap_size=200_000_000, num_threads=1)
        for rowid, *texts in rows(args.rows):
            fields = {"id": rowid}
            fields.update({f: t for f, t in zip(FIELDS, texts) if t})
            writer.add_document(tantivy.Document(**fields))
        writer.commit()
        writer.wait_merging_threads()
        build = time.perf_counter() - started
        open(os.path.join(folder, "built"), "w").close()
    index.reload()
    searcher = index.searcher()
    result = {"build_s": build, "bytes": folder_bytes(folder), "queries": {}}
    for text in queries:
        times, matches = [], 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            query = index.parse_query(text, FIELDS, field_boosts={f: float(w) for f, w in WEIGHTS.items()},
                                      conjunction_by_default=True)
            found = searcher.search(query, 20, count=True)
            hits = found.hits
            snippets = tantivy.SnippetGenerator.create(searcher, query, schema, "case_text")
            for _, address in hits:
                snippets.snippet_from_doc(searcher.doc(address)).fragment()
            times.append(time.perf_counter() - started)
            matches = found.count
        result["queries"][text] = {"matches": matches, "times": times}
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--engines", default="xapian,tantivy")
    args = parser.parse_args()
    queries = json.loads(args.queries)
    out = {}
    for engine in args.engines.split(","):
        try:
            out[engine] = {"xapian": run_xapian, "tantivy": run_tantivy}[engine](args, queries)
        except Exception as error:  # reported, not hidden: the benchmark prints it beside the figures
            out[engine] = {"error": f"{type(error).__name__}: {error}"}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
