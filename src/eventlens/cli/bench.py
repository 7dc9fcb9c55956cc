"""`eventlens bench`: throughput (articles/s, sentences/s), peak memory and where the time goes."""

from __future__ import annotations

import click

from eventlens.cli.render import console, write_json


@click.command("bench")
@click.argument("input_dir", required=False, default="examples", metavar="[INPUT_DIR]")
@click.option("--n", "n", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Repeat the articles of INPUT_DIR until there are at least N.")
@click.option("--stage", type=click.Choice(["all", "clean"]), default="all", show_default=True,
              help="all: the whole pipeline; clean: only the cleaning stage.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes to spread the corpus over (stage shares add up the workers' times).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def command(input_dir, n, stage, workers, fmt):
    """Measure end-to-end throughput and peak memory on a corpus.

    By default the bundled examples are repeated to 2,000 articles. Models are loaded before the clock starts
    (with --workers, in every worker; their start-up is reported on its own).

    \b
    Example:
      eventlens bench examples/ --n 2000
      eventlens bench examples/ --n 500 --stage clean --format json
      eventlens bench examples/ --n 2000 --workers 2
    """
    from eventlens import bench

    result = bench.run(input_dir, n=n, stage=stage, workers=workers)
    by_format = None
    if stage == "clean":  # the same work split by input format: decoding or HTML extraction, then cleaning
        from eventlens.clean import bench_clean

        by_format = bench_clean([input_dir], min_docs=n)
    if fmt == "json":
        write_json({**result.to_dict(), **({"by_format": by_format} if by_format is not None else {})})
        return
    con = console()
    con.print(f"[bold]{result.articles}[/bold] articles ({result.distinct} distinct, repeated) from {input_dir}, "
              f"stage: {result.stage}, {result.workers} process(es)")
    con.print(f"  {result.articles_per_s:,.1f} articles/s   {result.sentences_per_s:,.1f} sentences/s   "
              f"({result.seconds:.1f} s for {result.sentences} sentences, {result.events} events, "
              f"{result.failures} failures)")
    if result.cpu_seconds:
        con.print(f"  {result.articles_per_cpu_s:,.1f} articles per CPU second "
                  f"({result.cpu_seconds:.1f} s of CPU{' in all workers' if result.workers > 1 else ''})")
    con.print(f"  peak RSS {result.peak_rss_mb:,.0f} MiB   model load and warm-up {result.load_seconds:.1f} s")
    if result.startup_seconds:
        con.print(f"  workers' start-up (load and warm-up, outside the clock) {result.startup_seconds:.1f} s; "
                  f"with it {result.articles_per_s_with_startup:,.1f} articles/s")
    share = result.stage_share()
    if share:
        con.print("  time share: " + "  ".join(f"{k} {v:.0%}" for k, v in share.items()))
    for kind, r in (by_format or {}).items():
        how = " (text articles rendered as web pages)" if r.get("rendered") else ""
        con.print(f"  {kind}: {r['docs_per_s']:,.1f} documents/s including "
                  f"{'HTML extraction' if kind == 'html' else 'decoding'}{how}")
