"""`sitrep gazetteer build|import|info`: the offline gazetteer (see sitrep.geo.gazetteer for where it lives)."""

from __future__ import annotations

import time
from pathlib import Path

import click


def _path(path: str | None) -> Path:
    from sitrep.geo.gazetteer import default_path

    return Path(path) if path else default_path()


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build or extend the offline gazetteer."""


@gazetteer_group.command("build")
@click.option("--path", type=click.Path(dir_okay=False), default=None,
              help="where to write it (default: $SITREP_HOME or ~/.local/share/sitrep)")
def build_command(path: str | None) -> None:
    """Build the gazetteer from the installed packages and the supplement (replaces an old one)."""
    from sitrep.geo.build import build

    started = time.time()
    built = build(_path(path))
    click.echo(f"gazetteer built: {built} ({time.time() - started:.1f} s)", err=True)


@gazetteer_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--path", type=click.Path(dir_okay=False), default=None, help="gazetteer to extend")
def import_command(files: tuple[str, ...], path: str | None) -> None:
    """Load GeoNames dumps (allCountries.txt or XX.txt, alternateNamesV2.txt, admin1CodesASCII.txt,
    admin2Codes.txt) into the gazetteer, building it first if missing. Give places files first."""
    from sitrep.geo.build import ensure
    from sitrep.geo.geonames_import import import_file

    target = ensure(_path(path))
    for name in files:
        report = import_file(Path(name), target)
        click.echo(f"{name}: {report.kind}, {report.rows} rows, {report.places} places, "
                   f"{report.names} names", err=True)


@gazetteer_group.command("info")
@click.option("--path", type=click.Path(dir_okay=False), default=None)
def info_command(path: str | None) -> None:
    """Where the gazetteer is and how it was built."""
    from sitrep.geo.gazetteer import Gazetteer

    target = _path(path)
    if not target.exists():
        raise click.ClickException(f"no gazetteer at {target}: run `sitrep gazetteer build`")
    gazetteer = Gazetteer(target)
    click.echo(f"path\t{target}")
    for key, value in sorted(gazetteer.meta().items()):
        click.echo(f"{key}\t{value}")
