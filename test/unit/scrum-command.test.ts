// `/scrum` parsing shared by the Action's router and the app: which line counts, sub-commands, globs, help.
import { describe, expect, it } from "vitest";
import { parseFileGlobs, parseScrumCommand, scrumHelp } from "../../src/core/events/scrum-command.js";

describe("parseScrumCommand", () => {
  it("finds the first /scrum line, outside code fences and quotes, case-insensitively", () => {
    expect(parseScrumCommand("/scrum")).toEqual({ kind: "review", text: "/scrum" });
    expect(parseScrumCommand("Looks odd.\r\n  /SCRUM Review please\nthanks")).toEqual({ kind: "review", text: "/SCRUM Review please" });
    expect(parseScrumCommand("```\n/scrum apply\n```\n/scrum")).toEqual({ kind: "review", text: "/scrum" });
    expect(parseScrumCommand("~~~~\n/scrum apply\n~~~\n/scrum help\n~~~~\n/scrum")).toEqual({ kind: "review", text: "/scrum" });
    expect(parseScrumCommand("> /scrum apply")).toBeUndefined();
    expect(parseScrumCommand("use /scrum later")).toBeUndefined();
    expect(parseScrumCommand("`/scrum`")).toBeUndefined();
    expect(parseScrumCommand("/scrumming")).toBeUndefined();
    expect(parseScrumCommand("")).toBeUndefined();
  });

  it("knows review, apply, help and files; anything else is help with the reason", () => {
    expect(parseScrumCommand("/scrum apply")).toEqual({ kind: "apply", text: "/scrum apply" });
    expect(parseScrumCommand("/scrum help")).toEqual({ kind: "help", text: "/scrum help" });
    expect(parseScrumCommand("/scrum deploy now")).toEqual({ kind: "help", text: "/scrum deploy now", problem: "`/scrum deploy` is not a command" });
    expect(parseScrumCommand("/scrum files src/**/*.ts `docs/my notes.md` \"a b/*.md\" ./README.md")).toEqual({
      kind: "review",
      files: ["src/**/*.ts", "docs/my notes.md", "a b/*.md", "README.md"],
      text: "/scrum files src/**/*.ts `docs/my notes.md` \"a b/*.md\" ./README.md",
    });
    expect(parseScrumCommand("/scrum files")).toMatchObject({ kind: "help", problem: expect.stringContaining("needs at least one glob") });
    expect(parseScrumCommand("/scrum files ../secrets/*")).toMatchObject({ kind: "help", problem: expect.stringContaining("is not a path inside the repository") });
    expect(parseScrumCommand("/scrum files /etc/passwd")).toMatchObject({ kind: "help", problem: expect.stringContaining("is not a path inside the repository") });
  });

  it("bounds the globs: at most 20, each at most 200 characters", () => {
    expect(parseFileGlobs(Array.from({ length: 21 }, (_, i) => `f${i}`).join(" "))).toEqual({ ok: false, problem: "`/scrum files` takes at most 20 globs" });
    expect(parseFileGlobs("x".repeat(201))).toEqual({ ok: false, problem: "a glob is longer than 200 characters" });
    expect(parseFileGlobs("a  b\tc")).toEqual({ ok: true, globs: ["a", "b", "c"] });
  });

  it("help lists every command and the review label, and says what was wrong first", () => {
    const help = scrumHelp({ problem: "`/scrum deploy` is not a command", label: "needs-review" });
    expect(help.split("\n")[0]).toBe("prd-bot: `/scrum deploy` is not a command.");
    for (const command of ["`/scrum` or `/scrum review`", "`/scrum files <glob>…`", "`/scrum apply`", "`/scrum help`"]) expect(help).toContain(command);
    expect(help).toContain("Adding the label `needs-review`");
    expect(scrumHelp()).toContain("`prd-bot:review`");
  });
});
