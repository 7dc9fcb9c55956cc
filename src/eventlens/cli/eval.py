"""`eventlens eval`: score the pipeline against a gold file, or against the PLOVER gold-standard records."""

from __future__ import annotations

import click

from eventlens.cli.options import actors_option, settings_from
from eventlens.cli.render import console, write_json


@click.command("eval")
@click.argument("gold", required=False, metavar="GOLD.jsonl", type=click.Path(dir_okay=False))
@click.argument("input_dir", required=False, metavar="[INPUT_DIR]", type=click.Path(file_okay=False))
@click.option("--plover", "plover", metavar="FILE", type=click.Path(dir_okay=False),
              help="Score on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.json) instead of a gold file.")
@click.option("--limit", type=click.IntRange(min=1), help="With --plover: only the first N records.")
@click.option("--misses", is_flag=True, help="List missed gold events and spurious system events per document.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@actors_option
@click.pass_context
def command(ctx, gold, input_dir, plover, limit, misses, fmt, actor_files):
    """Score extracted events against gold annotations.

    Runs the pipeline on every document GOLD.jsonl names (read from INPUT_DIR, default: the gold file's
    folder) and prints micro precision/recall/F1, per-type scores, and on matched events the accuracy of
    status, source, date and location. Matching follows GOLD_FORMAT.md: same type, overlapping actor and
    recipient codes (reciprocal types compared as one party set), greedy one-to-one. A document that cannot
    be read or processed counts as finding nothing, and makes the exit code 1.

    \b
    Example:
      eventlens eval examples/gold.jsonl examples/
      eventlens eval --plover ../shared/plover/PLOVER_GSR_CAMEO.json --limit 50
    """
    from eventlens import evaluate
    from eventlens.errors import ConfigError
    from eventlens.pipeline import Pipeline

    if bool(gold) == bool(plover):
        raise ConfigError("E801", field="GOLD", why="give either a gold file or --plover FILE")
    pipeline = Pipeline(settings_from(actor_files=actor_files))
    report = evaluate.run_plover(plover, pipeline, limit=limit) if plover else \
        evaluate.run(gold, input_dir, pipeline)
    if fmt == "json":
        write_json(report.to_dict())
    else:
        print_report(report, misses)
    ctx.exit(1 if any(d.failure for d in report.documents) else 0)


def print_report(report, misses: bool = False) -> None:
    from rich.table import Table

    con = console()
    data = report.to_dict()
    micro = data["micro"]
    con.print(f"[bold]{data['title']}[/bold]: {data['documents']} documents, {micro['gold']} gold events, "
              f"{micro['system']} system events, {micro['tp']} matched")
    con.print(f"micro  P {micro['precision']:.3f}  R {micro['recall']:.3f}  [bold]F1 {micro['f1']:.3f}[/bold]")
    table = Table(header_style="bold")
    for col in ("type", "gold", "system", "matched", "P", "R", "F1"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for etype, s in data["per_type"].items():
        table.add_row(etype, str(s["gold"]), str(s["system"]), str(s["tp"]), f"{s['precision']:.2f}",
                      f"{s['recall']:.2f}", f"{s['f1']:.2f}")
    con.print(table)
    if data["matched_accuracy"]:
        con.print("on matched events: " + ", ".join(
            f"{name} {a['accuracy']:.2f} ({a['correct']}/{a['total']})" for name, a in data["matched_accuracy"].items()))
    for doc_id in data["failed_documents"]:
        con.print(f"[red]{data['by_document'][doc_id]['failure']}[/red]")
    if misses:
        for doc_id, d in data["by_document"].items():
            if not d["missed"] and not d["spurious"]:
                continue
            con.print(f"\n[bold]{doc_id}[/bold]  F1 {d['f1']:.2f}")
            for line in d["missed"]:
                con.print(f"  missed    {line}")
            for line in d["spurious"]:
                con.print(f"  spurious  {line}")
