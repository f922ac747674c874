"""Output formats. Each module renders a finished run; none of them imports the pipeline."""

FORMATS = ("text", "json", "github")
