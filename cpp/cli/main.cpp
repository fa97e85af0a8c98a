// interleave: the native command line, the same contract as `npm run -s cli`, used by
// tests and benchmarks. Plain mode streams the program's output; --json prints one object.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "chrome_trace.h"
#include "explore/explorer.h"
#include "json.h"
#include "sim/simulation.h"

namespace {

using interleave::cli::json_number;
using interleave::cli::json_string;

constexpr uint64_t kStepsPerAdvance = 1'000'000;  // slice size: output streams between slices
// kMaxCores is the most simulated cores a run may ask for, as in the wasm bindings and the page
// (LIMITS.cores in web/src/engine/settings.ts).
constexpr uint64_t kMaxCores = 16;

constexpr const char* kUsage =
    "Usage: interleave run FILE [options]\n"
    "       interleave explore FILE [explore options] [options]\n"
    "\n"
    "run runs a Python program on the simulated clock and prints what it prints.\n"
    "explore searches the program's thread and asyncio schedules for one that breaks it\n"
    "(an uncaught exception, a failed assert, a deadlock, a hang, different output).\n"
    "FILE may be - to read the program from standard input.\n"
    "\n"
    "Options:\n"
    "  --json            print one JSON object instead of the output:\n"
    "                    {\"output\", \"elapsed\", \"error\": null | {\"type\", \"message\", \"line\"},\n"
    "                     \"events\", \"steps\"}\n"
    "                    plus \"stderr\" when the program wrote to standard error;\n"
    "                    \"events\" and \"steps\" are counts (events recorded, instructions run):\n"
    "                    --trace writes the events themselves\n"
    "  --trace FILE      also write the run's events as a Chrome trace (open it in Perfetto:\n"
    "                    https://ui.perfetto.dev, one track per task)\n"
    "  --step-limit N    stop with StepLimitError after N instructions (default 100000000)\n"
    "  --memory-limit MB stop with MemoryError past MB megabytes of live objects (default 256)\n"
    "  --output-limit MB stop with OutputLimitError past MB megabytes printed (default 16)\n"
    "  --event-limit N   stop with EventLimitError after N scheduling events (default 10000000)\n"
    "  --seed N          seed for the random module and for where the scheduler\n"
    "                    preempts threads (default 0)\n"
    "  --filename NAME   file name shown in tracebacks (default main.py)\n"
    "\n"
    "Scheduling (docs/RUNTIME.md):\n"
    "  --gil on|off      CPython's global interpreter lock, or free-threaded (default on)\n"
    "  --cores N         simulated CPU cores, 1 to 16 (default 2)\n"
    "  --switch-interval S\n"
    "                    seconds a thread may keep the GIL while another waits (default 0.005)\n"
    "  --slice S         OS time slice in seconds when threads outnumber cores (default 0.01)\n"
    "  --network latency=S,capacity=N\n"
    "                    the simulated network: seconds per request and how many are served\n"
    "                    at once (capacity=none for no limit; default latency=0.25,capacity=none)\n"
    "  --sequential      run every thread and task to completion, one after another\n"
    "  --schedule S      replay a schedule that explore printed (one core, the GIL, each\n"
    "                    forced switch marked by a Forced event)\n"
    "\n"
    "Explore options (docs/RUNTIME.md, \"Schedules\"):\n"
    "  --mode exhaustive|pct\n"
    "                    every schedule up to the preemption bound, or random PCT schedules\n"
    "                    (default exhaustive)\n"
    "  --preemptions N   the largest preemption bound, searched 0, 1, ... N (default 2)\n"
    "  --schedules N     at most N schedules (default 10000)\n"
    "  --steps N         step budget of each schedule (default: the step limit)\n"
    "  --seed N          PCT's seed (default 1)\n"
    "  --depth N         PCT's bug depth (default 2)\n"
    "  --points shared|lines\n"
    "                    preempt before every instruction that touches shared state, or\n"
    "                    only at line starts (default shared)\n"
    "  --json            print the report as one JSON object\n"
    "  --help            show this help\n"
    "\n"
    "Exit status: 0 when the program ends normally, 1 on an uncaught error (the traceback\n"
    "goes to standard error in plain mode), 2 on a usage error or an unreadable FILE.\n"
    "explore exits with 0 when no bug was found, 1 when one was.\n";

struct CliArgs {
  std::string command;
  std::string file;
  bool json = false;
  std::string trace;  // --trace FILE ("" without)
  interleave::RunOptions options;
  interleave::ExploreOptions explore;
  bool explore_flag = false;  // an explore option was given
  bool seed_given = false;
  uint64_t seed = 0;
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "interleave: %s\nRun 'interleave --help' for usage.\n", message.c_str());
  return 2;
}

// parse_count reads a non-negative decimal integer; false if text is anything else.
bool parse_count(std::string_view text, uint64_t& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// parse_seconds reads a finite decimal number; false if text is anything else.
bool parse_seconds(const std::string& text, double& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(text.c_str(), &end);
  return errno == 0 && end == text.c_str() + text.size() && std::isfinite(out);
}

// parse_network reads "latency=0.1,capacity=3" (either part optional; capacity=none).
bool parse_network(const std::string& text, interleave::RunOptions& options, std::string& error) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string part = text.substr(start, comma - start);
    size_t eq = part.find('=');
    std::string key = part.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : part.substr(eq + 1);
    if (key == "latency") {
      double latency;
      if (!parse_seconds(value, latency) || latency < 0) {
        error = "--network latency needs a non-negative number of seconds, got '" + value + "'";
        return false;
      }
      options.network_latency = latency;
    } else if (key == "capacity") {
      uint64_t capacity = 0;
      if (value == "none") {
        options.network_capacity = -1;
      } else if (parse_count(value, capacity) && capacity > 0 && capacity <= 1'000'000) {
        options.network_capacity = static_cast<int64_t>(capacity);
      } else {
        error = "--network capacity needs a positive integer or none, got '" + value + "'";
        return false;
      }
    } else {
      error = "--network takes latency=SECONDS,capacity=N|none, got '" + part + "'";
      return false;
    }
    start = comma + 1;
  }
  return true;
}

// read_all returns the whole stream's bytes; false on a read error.
bool read_all(std::FILE* f, std::string& out) {
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
  return !std::ferror(f);
}

std::string result_json(const interleave::RunResult& r) {
  std::string out = "{\"output\":";
  json_string(out, r.output);
  out += ",\"elapsed\":";
  json_number(out, r.elapsed);
  out += ",\"error\":";
  if (r.error) {
    out += "{\"type\":";
    json_string(out, r.error->type);
    out += ",\"message\":";
    json_string(out, r.error->message);
    out += ",\"line\":";
    out += std::to_string(r.error->line);
    out += '}';
  } else {
    out += "null";
  }
  out += ",\"events\":";
  out += std::to_string(r.events);
  out += ",\"steps\":";
  out += std::to_string(r.steps);
  if (!r.error_output.empty()) {
    out += ",\"stderr\":";
    json_string(out, r.error_output);
  }
  out += "}\n";
  return out;
}

void write_out(std::string_view text) {
  if (!text.empty()) std::fwrite(text.data(), 1, text.size(), stdout);
}

// read_program reads FILE (or standard input for -); false after reporting a usage error.
bool read_program(const CliArgs& args, std::string& source, int& status) {
  if (args.file == "-") {
    if (!read_all(stdin, source)) return status = usage_error("cannot read the program from standard input"), false;
  } else {
    std::FILE* f = std::fopen(args.file.c_str(), "rb");
    if (!f) return status = usage_error("cannot open '" + args.file + "': " + std::strerror(errno)), false;
    bool ok = read_all(f, source);
    std::fclose(f);
    if (!ok) return status = usage_error("cannot read '" + args.file + "'"), false;
  }
  return true;
}

// explore prints the explorer's report: one JSON object, or coverage and each bug in words.
int explore(const CliArgs& args) {
  std::string source;
  int status = 0;
  if (!read_program(args, source, status)) return status;
  interleave::Explorer explorer(source, args.options, args.explore);
  while (!explorer.advance(64)) {
  }
  if (args.json) {
    write_out(explorer.report_json() + "\n");
    return explorer.bugs().empty() && explorer.error().empty() ? 0 : 1;
  }
  std::string out = explorer.report_text("interleave run " + args.file);
  write_out(out);
  return explorer.bugs().empty() && explorer.error().empty() ? 0 : 1;
}

int run(const CliArgs& args) {
  std::string source;
  int status = 0;
  if (!read_program(args, source, status)) return status;

  // Without --trace, run reports only the number of events, so they are counted and not kept.
  std::FILE* trace_file = nullptr;
  if (!args.trace.empty() && !(trace_file = std::fopen(args.trace.c_str(), "wb"))) {
    return usage_error("cannot write '" + args.trace + "': " + std::strerror(errno));
  }
  interleave::RunOptions options = args.options;
  options.keep_events = trace_file != nullptr;
  std::optional<interleave::cli::ChromeTraceWriter> trace;
  if (trace_file) trace.emplace(trace_file, source, options.filename);
  interleave::Simulation sim(options);
  auto drain_events = [&] {
    if (trace) trace->add(sim.events(), sim.strings());
    sim.clear_events();
  };
  if (sim.load(source)) {
    bool more = true;
    while (more) {
      more = sim.advance(kStepsPerAdvance);
      drain_events();
      std::string chunk = sim.take_output();
      if (!args.json && !chunk.empty()) {
        write_out(chunk);
        std::fflush(stdout);
      }
      std::string errors = sim.take_error_output();
      if (!args.json && !errors.empty()) {
        std::fflush(stdout);
        std::fwrite(errors.data(), 1, errors.size(), stderr);
        std::fflush(stderr);
      }
    }
  }
  drain_events();
  if (trace) {
    bool written = trace->finish();
    if (std::fclose(trace_file) != 0 || !written) {
      std::fprintf(stderr, "interleave: writing the trace to '%s' failed\n", args.trace.c_str());
    }
  }
  const interleave::RunResult& result = sim.result();
  if (args.json) {
    std::string json = result_json(result);
    if (!args.options.schedule.empty()) {
      // A replayed schedule adds the narration of its forced switches.
      json.pop_back();
      json.pop_back();
      json += ",\"forced\":[";
      std::vector<std::string> forced = sim.forced();
      for (size_t i = 0; i < forced.size(); ++i) {
        if (i) json += ',';
        json_string(json, forced[i]);
      }
      json += "]}\n";
    }
    write_out(json);
  } else if (result.error) {
    std::fflush(stdout);
    const interleave::ErrorInfo& e = *result.error;
    if (!e.traceback.empty()) {
      std::fputs(e.traceback.c_str(), stderr);
    } else if (e.type != "SystemExit") {
      std::fprintf(stderr, "%s: %s\n", e.type.c_str(), e.message.c_str());
    }
  }
  std::fflush(stdout);
  if (result.error && result.error->type == "SystemExit") {
    // sys.exit(n) exits with n, sys.exit("text") with 1, as CPython does.
    char* end = nullptr;
    long code = std::strtol(result.error->message.c_str(), &end, 10);
    return !result.error->message.empty() && *end == '\0' ? static_cast<int>(code & 0xff) : 1;
  }
  return result.error ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CliArgs args;
  bool have_command = false;
  bool have_file = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--json") {
      args.json = true;
    } else if (arg == "--trace") {
      const char* text = value();
      if (!text || !*text) return usage_error("--trace needs a file name");
      args.trace = text;
    } else if (arg == "--memory-limit") {
      const char* text = value();
      uint64_t n = 0;
      if (!text) return usage_error("--memory-limit needs a value");
      if (!parse_count(text, n) || n < 1 || n > 4096) {
        return usage_error(std::string("--memory-limit needs megabytes from 1 to 4096, got '") + text + "'");
      }
      args.options.memory_limit = n << 20;
    } else if (arg == "--event-limit") {
      const char* text = value();
      uint64_t n = 0;
      if (!text) return usage_error("--event-limit needs a value");
      if (!parse_count(text, n) || n < 1)
        return usage_error(std::string("--event-limit needs a positive integer, got '") + text + "'");
      args.options.event_limit = n;
    } else if (arg == "--output-limit") {
      const char* text = value();
      uint64_t n = 0;
      if (!text) return usage_error("--output-limit needs a value");
      if (!parse_count(text, n) || n < 1 || n > 4096) {
        return usage_error(std::string("--output-limit needs megabytes from 1 to 4096, got '") + text + "'");
      }
      args.options.output_limit = n << 20;
    } else if (arg == "--step-limit" || arg == "--seed") {
      const char* text = value();
      uint64_t n = 0;
      if (!text) return usage_error(std::string(arg) + " needs a value");
      if (!parse_count(text, n)) {
        return usage_error(std::string(arg) + " needs a non-negative integer, got '" + text + "'");
      }
      if (arg == "--step-limit") {
        args.options.step_limit = n;
      } else {
        args.seed_given = true;
        args.seed = n;
      }
    } else if (arg == "--preemptions" || arg == "--schedules" || arg == "--steps" || arg == "--depth") {
      const char* text = value();
      uint64_t n = 0;
      if (!text) return usage_error(std::string(arg) + " needs a value");
      bool ok = parse_count(text, n);
      if (arg == "--preemptions") ok = ok && n <= 64;
      if (arg == "--schedules" || arg == "--depth") ok = ok && n >= 1;
      if (arg == "--depth") ok = ok && n <= 64;
      if (!ok)
        return usage_error(std::string(arg) + " needs a " +
                           (arg == "--preemptions" ? "number from 0 to 64"
                            : arg == "--depth"     ? "number from 1 to 64"
                            : arg == "--steps"     ? "non-negative integer"
                                                   : "positive integer") +
                           ", got '" + text + "'");
      if (arg == "--preemptions") args.explore.preemptions = static_cast<uint32_t>(n);
      if (arg == "--schedules") args.explore.schedules = n;
      if (arg == "--steps") args.explore.steps = n;
      if (arg == "--depth") args.explore.depth = static_cast<uint32_t>(n);
      args.explore_flag = true;
    } else if (arg == "--mode") {
      const char* text = value();
      if (!text) return usage_error("--mode needs exhaustive or pct");
      std::string_view v = text;
      if (v != "exhaustive" && v != "pct")
        return usage_error("--mode needs exhaustive or pct, got '" + std::string(v) + "'");
      args.explore.pct = v == "pct";
      args.explore_flag = true;
    } else if (arg == "--points") {
      const char* text = value();
      if (!text) return usage_error("--points needs shared or lines");
      std::string_view v = text;
      if (v != "shared" && v != "lines")
        return usage_error("--points needs shared or lines, got '" + std::string(v) + "'");
      args.explore.points = v == "lines" ? interleave::Points::Lines : interleave::Points::Shared;
      args.explore_flag = true;
    } else if (arg == "--schedule") {
      const char* text = value();
      if (!text) return usage_error("--schedule needs a schedule (explore prints one)");
      interleave::Schedule plan;
      if (!interleave::decode_schedule(text, plan))
        return usage_error("--schedule got '" + std::string(text) + "', which is not a schedule");
      args.options.schedule = text;
    } else if (arg == "--gil") {
      const char* text = value();
      if (!text) return usage_error("--gil needs on or off");
      std::string_view v = text;
      if (v != "on" && v != "off") return usage_error("--gil needs on or off, got '" + std::string(v) + "'");
      args.options.gil = v == "on";
    } else if (arg == "--cores") {
      const char* text = value();
      uint64_t n = 0;
      if (!text) return usage_error("--cores needs a value");
      if (!parse_count(text, n) || n < 1 || n > kMaxCores) {
        return usage_error("--cores needs an integer from 1 to " + std::to_string(kMaxCores) + ", got '" + text + "'");
      }
      args.options.cores = static_cast<uint32_t>(n);
    } else if (arg == "--switch-interval" || arg == "--slice") {
      const char* text = value();
      double seconds = 0;
      if (!text) return usage_error(std::string(arg) + " needs a value");
      if (!parse_seconds(text, seconds) || seconds <= 0 || seconds > 3600) {
        return usage_error(std::string(arg) + " needs a positive number of seconds, got '" + text + "'");
      }
      if (arg == "--slice") {
        args.options.time_slice = seconds;
      } else {
        args.options.switch_interval = seconds;
      }
    } else if (arg == "--network") {
      const char* text = value();
      if (!text) return usage_error("--network needs latency=SECONDS,capacity=N|none");
      std::string error;
      if (!parse_network(text, args.options, error)) return usage_error(error);
    } else if (arg == "--sequential") {
      args.options.sequential = true;
    } else if (arg == "--filename") {
      const char* text = value();
      if (!text || !*text) return usage_error("--filename needs a value");
      args.options.filename = text;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usage_error("unknown option '" + std::string(arg) + "'");
    } else if (!have_command) {
      if (arg != "run" && arg != "explore") {
        return usage_error("unknown command '" + std::string(arg) + "' (expected 'run' or 'explore')");
      }
      args.command = arg;
      have_command = true;
    } else if (!have_file) {
      args.file = arg;
      have_file = true;
    } else {
      return usage_error("unexpected argument '" + std::string(arg) + "'");
    }
  }
  if (!have_command) return usage_error("missing command (expected 'run FILE' or 'explore FILE')");
  if (!have_file) return usage_error("missing FILE (the Python program to run)");
  if (args.command == "explore") {
    if (!args.options.schedule.empty()) return usage_error("--schedule is an option of run, not explore");
    if (args.seed_given) args.explore.seed = args.seed;
    return explore(args);
  }
  if (args.explore_flag)
    return usage_error("--mode, --preemptions, --schedules, --steps, --depth and --points are options of explore");
  if (args.seed_given) args.options.seed = args.seed;
  return run(args);
}
