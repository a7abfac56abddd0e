"""The one exception the pipeline raises for input it cannot read clearly."""


class PlanError(Exception):
    """Bad input: a message for the reader, the source line when one applies."""

    def __init__(self, message: str, line: int | None = None, path: str = ""):
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path

    def located(self, path: str) -> "PlanError":
        """The same error, naming the file it came from."""
        return PlanError(self.message, self.line, path)

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"

    def __reduce__(self):
        # Raised in a worker process, it reaches the command line whole (message, line and file).
        return (PlanError, (self.message, self.line, self.path))
