#include "explore/explorer.h"

#include <algorithm>
#include <cstdio>

#include "vm/vm.h"

namespace interleave {

namespace {

constexpr uint64_t kStepsPerAdvance = 1u << 20;
// kShrinkRuns bounds the replays spent shrinking one bug.
constexpr uint32_t kShrinkRuns = 400;
// kShrinkSearch bounds the exhaustive search that looks for fewer preemptions after PCT.
constexpr uint64_t kShrinkSearch = 1000;

std::string thousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string plural(uint64_t n, const char* one, const char* many) { return thousands(n) + " " + (n == 1 ? one : many); }

// last_line is text's last line: where programs print their result.
std::string last_line(const std::string& text) {
  size_t end = text.size();
  if (end && text[end - 1] == '\n') --end;
  size_t start = text.rfind('\n', end ? end - 1 : 0);
  start = start == std::string::npos || end == 0 ? 0 : start + 1;
  return text.substr(start, end - start);
}

// number_shape is text with every run of digits replaced by '#'.
std::string number_shape(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    if (!digit) out += text[i];
    else if (out.empty() || out.back() != '#' || i == 0 || !(text[i - 1] >= '0' && text[i - 1] <= '9')) out += '#';
  }
  return out;
}

// thread_exception finds the first traceback a thread or task wrote to stderr: "Type: message".
bool thread_exception(const std::string& err, const std::string& filename, std::string& message, uint32_t& line) {
  size_t tb = err.find("Traceback (most recent call last):\n");
  if (tb == std::string::npos) return false;
  size_t pos = tb + 35;
  std::string file_tag = "  File \"" + filename + "\", line ";
  while (pos < err.size()) {
    size_t end = err.find('\n', pos);
    if (end == std::string::npos) end = err.size();
    std::string_view text(err.data() + pos, end - pos);
    if (text.substr(0, file_tag.size()) == file_tag) {
      line = static_cast<uint32_t>(std::strtoul(std::string(text.substr(file_tag.size())).c_str(), nullptr, 10));
    } else if (!text.empty() && text[0] != ' ') {
      message = std::string(text);
      return true;
    }
    pos = end + 1;
  }
  return false;
}

std::string kind_of_type(const std::string& message) {
  return message.rfind("AssertionError", 0) == 0 ? "assertion" : "exception";
}

}  // namespace

std::string json_text(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

Explorer::Explorer(std::string source, RunOptions options, ExploreOptions explore)
    : source_(std::move(source)),
      cache_(std::make_unique<FrozenCache>()),
      options_(std::move(options)),
      explore_(explore),
      started_(std::chrono::steady_clock::now()) {
  if (!options_.frozen_cache) options_.frozen_cache = cache_.get();
  options_.manual = false;
  options_.choices.clear();
  options_.schedule.clear();
  if (explore_.steps > 0) options_.step_limit = explore_.steps;
  if (explore_.depth < 1) explore_.depth = 1;
  queues_.resize(explore_.pct ? 1 : explore_.preemptions + 1);
  run_at_bound_.resize(queues_.size());
  queues_[0].push_back(Work{});
}

Explorer::~Explorer() = default;

Explorer::Outcome Explorer::run(ScheduleDriver& driver) {
  RunOptions o = options_;
  o.hook = &driver;
  Simulation sim(o);
  if (sim.load(source_)) {
    while (sim.advance(kStepsPerAdvance)) sim.clear_events();
  }
  ++explored_;
  return classify(sim);
}

Explorer::Outcome Explorer::classify(const Simulation& sim) {
  const RunResult& r = sim.result();
  Outcome out;
  out.output = r.output;
  if (r.error) {
    const ErrorInfo& e = *r.error;
    out.message = e.message.empty() ? e.type : e.type + ": " + e.message;
    out.line = e.line;
    if (e.type == "AssertionError") out.kind = "assertion";
    else if (e.type == "DeadlockError") out.kind = "deadlock";
    else if (e.type == "StepLimitError") out.kind = "hang", out.hang = true;
    else out.kind = "exception";
    if (e.type == "SyntaxError" || e.type == "IndentationError" || e.type == "ScheduleError") out.kind = "compile";
  } else if (thread_exception(r.error_output, options_.filename, out.message, out.line)) {
    out.kind = kind_of_type(out.message);
  }
  out.key = out.output + '\0' + out.message;
  return out;
}

void Explorer::judge(Outcome& out) const {
  if (!have_default_) return;
  // A hang counts only where the default schedule does not hang too.
  if (out.hang && default_hang_) out.kind.clear();
  // Divergence: the final line has the default's words with other numbers ("counter = 3",
  // not 6). Lines in another order, or another thread winning, is no bug by itself.
  std::string mine = last_line(out.output), theirs = last_line(default_output_);
  if (out.kind.empty() && mine != theirs && number_shape(mine) == number_shape(theirs)) out.kind = "divergence";
}

void Explorer::note(const Outcome& outcome, const ScheduleDriver& driver) {
  outcomes_.insert(outcome.key);
  if (!have_passing_ && outcome.kind.empty()) {
    have_passing_ = true;
    passing_ = encode_schedule(driver.taken);
  }
}

void Explorer::branch_from(const Work& work, ScheduleDriver& driver) {
  uint32_t first = work.branch == UINT32_MAX ? 0 : work.branch + 1;
  for (uint32_t j = first; j < driver.nodes.size(); ++j) {
    const ChoiceNode& node = driver.nodes[j];
    uint32_t cost = node.preemptive ? 1 : 0;
    uint32_t p = work.preemptions + cost;
    if (p >= queues_.size()) continue;
    // The plan of every child: this run's forced decisions before j, then the new one.
    Schedule base;
    base.points = explore_.points;
    for (const Decision& d : driver.taken.decisions) {
      if (d.point < j) base.decisions.push_back(d);
    }
    std::vector<SleepEntry> sleep = node.sleep;
    if (!node.ready_order) sleep.push_back(SleepEntry{node.options[node.chosen], node.footprints[node.chosen]});
    for (uint32_t o = 0; o < node.options.size(); ++o) {
      if (o == node.chosen) continue;
      uint32_t id = node.options[o];
      if (!node.ready_order &&
          std::any_of(node.sleep.begin(), node.sleep.end(), [&](const SleepEntry& e) { return e.id == id; })) {
        ++pruned_;
        continue;
      }
      // A child behind as many schedules as the budget has left would never run.
      uint64_t ahead = 0;
      for (uint32_t q = 0; q <= p; ++q) ahead += queues_[q].size();
      if (ahead + explored_ >= explore_.schedules) {
        truncated_ = true;
        continue;
      }
      Work child;
      child.plan = base;
      child.plan.decisions.push_back(Decision{j, id});
      child.branch = j;
      child.sleep = sleep;
      child.preemptions = p;
      // A free switch goes first: it completes the preemption that led here (the main thread
      // starts the second worker), so bugs one preemption deep come before the rest.
      if (cost == 0) {
        queues_[p].push_front(std::move(child));
      } else {
        queues_[p].push_back(std::move(child));
      }
      if (!node.ready_order) sleep.push_back(SleepEntry{id, node.footprints[o]});
    }
  }
}

void Explorer::found(const Outcome& outcome, const Schedule& taken, uint32_t preemptions, uint32_t switches,
                     uint64_t found_after) {
  ExploreBug bug;
  bug.kind = outcome.kind;
  bug.found_after = found_after;
  bug.first_length = taken.decisions.size();
  if (first_bug_seconds_ < 0)
    first_bug_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  // Shrink: drop forced decisions one at a time while the bug stays of the same kind and the
  // schedule gets no worse in (preemptions, switches, length).
  Schedule best = taken;
  uint32_t best_pre = preemptions, best_sw = switches;
  uint32_t runs = 0;
  bool improved = true;
  while (improved && runs < kShrinkRuns) {
    improved = false;
    for (size_t i = 0; i < best.decisions.size() && runs < kShrinkRuns; ++i) {
      Schedule trial = best;
      trial.decisions.erase(trial.decisions.begin() + static_cast<std::ptrdiff_t>(i));
      ScheduleDriver d(trial);
      RunOptions o = options_;
      o.hook = &d;
      Simulation sim(o);
      if (sim.load(source_)) {
        while (sim.advance(kStepsPerAdvance)) sim.clear_events();
      }
      ++runs;
      Outcome got = classify(sim);
      judge(got);
      if (got.kind != outcome.kind) continue;
      bool better =
          d.preemptions < best_pre || (d.preemptions == best_pre && d.switches < best_sw) ||
          (d.preemptions == best_pre && d.switches == best_sw && d.taken.decisions.size() < best.decisions.size());
      if (!better || d.taken.decisions.size() > best.decisions.size()) continue;
      best = d.taken;
      best_pre = d.preemptions;
      best_sw = d.switches;
      improved = true;
      break;
    }
  }
  if (explore_.pct && best_pre > 1) {
    // A random schedule often has needless preemptions: a small bounded search below its
    // count may find the same kind of bug with fewer, and no longer a schedule.
    ExploreOptions sub = explore_;
    sub.pct = false;
    sub.preemptions = best_pre - 1;
    sub.schedules = kShrinkSearch;
    Explorer inner(source_, options_, sub);
    while (!inner.advance(64)) {
    }
    Schedule found_plan;
    if (!inner.bugs().empty() && inner.bugs()[0].kind == outcome.kind &&
        inner.bugs()[0].length <= best.decisions.size() && decode_schedule(inner.bugs()[0].schedule, found_plan)) {
      best = found_plan;
      best_pre = inner.bugs()[0].preemptions;
      best_sw = inner.bugs()[0].switches;
    }
  }
  best.points = explore_.points;
  // The report shows the replay itself: what `run --schedule S` prints and narrates.
  RunOptions o = options_;
  o.schedule = encode_schedule(best);
  Simulation sim(o);
  if (sim.load(source_)) {
    while (sim.advance(kStepsPerAdvance)) sim.clear_events();
  }
  Outcome replay = classify(sim);
  bug.schedule = o.schedule;
  bug.message = replay.message;
  bug.line = replay.line;
  bug.output = replay.output;
  bug.narration = sim.forced();
  bug.cpython311 = sim.forced_unchecked() == 0;
  bug.preemptions = best_pre;
  bug.switches = best_sw;
  bug.length = best.decisions.size();
  if (bug.kind == "divergence") {
    bug.message = "the last line printed is '" + last_line(bug.output) + "'; the default schedule prints '" +
                  last_line(default_output_) + "'";
    bug.line = 0;
  }
  bugs_.push_back(std::move(bug));
}

bool Explorer::advance(uint64_t max_schedules) {
  uint64_t ran = 0;
  while (!done_ && ran < max_schedules) {
    if (explored_ >= explore_.schedules) {
      budget_hit_ = true;
      done_ = true;
      break;
    }
    ++ran;
    if (explore_.pct && have_default_) {
      // One PCT schedule: random priorities, depth - 1 demotions at random choice points.
      PctPlan plan;
      plan.rng = explore_.seed * 0x100000001B3ull + explored_;
      plan.depth = explore_.depth;
      for (uint32_t i = 1; i < explore_.depth; ++i)
        plan.change_points.push_back(static_cast<uint32_t>(plan.next_random() % horizon_));
      Schedule none;
      none.points = explore_.points;
      ScheduleDriver driver(none);
      driver.pct = &plan;
      Outcome out = run(driver);
      driver.taken.points = explore_.points;
      horizon_ = std::max(horizon_, driver.points);
      ++run_at_bound_[0];
      judge(out);
      note(out, driver);
      if (consider(out, driver)) done_ = true;
      continue;
    }
    size_t b = 0;
    while (b < queues_.size() && queues_[b].empty()) ++b;
    if (b == queues_.size()) {
      done_ = true;
      break;
    }
    bound_ = static_cast<uint32_t>(b);
    Work work = std::move(queues_[b].front());
    queues_[b].pop_front();
    work.plan.points = explore_.points;
    ScheduleDriver driver(work.plan);
    driver.record = !explore_.pct;
    driver.branch = work.branch;
    driver.branch_sleep = work.sleep;
    Outcome out = run(driver);
    driver.taken.points = explore_.points;
    ++run_at_bound_[b];
    horizon_ = std::max(horizon_, driver.points);
    if (out.kind == "compile") {
      error_ = out.message;
      explored_ = 0;
      done_ = true;
      break;
    }
    if (!have_default_) {
      no_points_ = driver.points == 0;
      have_default_ = true;
      default_output_ = out.output;
      default_hang_ = out.hang;
    } else {
      judge(out);
    }
    note(out, driver);
    if (consider(out, driver)) {
      done_ = true;
      break;
    }
    if (!explore_.pct) branch_from(work, driver);
  }
  settle();
  return done_;
}

bool Explorer::consider(const Outcome& out, const ScheduleDriver& driver) {
  if (out.kind.empty()) return false;
  if (out.kind == "divergence") {
    // A divergence is reported only if the search ends without a worse bug.
    if (!have_divergence_) {
      have_divergence_ = true;
      divergence_ = Pending{out, driver.taken, driver.preemptions, driver.switches, explored_};
      first_bug_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    }
    return false;
  }
  stopped_at_bug_ = true;
  found(out, driver.taken, driver.preemptions, driver.switches, explored_);
  return true;
}

void Explorer::settle() {
  if (done_ && bugs_.empty() && have_divergence_ && error_.empty()) {
    found(divergence_.outcome, divergence_.taken, divergence_.preemptions, divergence_.switches,
          divergence_.found_after);
  }
  seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

void Explorer::stop() {
  if (!done_) stopped_ = true;
  done_ = true;
  settle();
}

bool Explorer::exhaustive() const {
  if (explore_.pct || stopped_ || budget_hit_ || truncated_ || stopped_at_bug_ || !error_.empty()) return false;
  return std::all_of(queues_.begin(), queues_.end(), [](const std::deque<Work>& q) { return q.empty(); });
}

ExploreProgress Explorer::progress() const {
  ExploreProgress p;
  p.explored = explored_;
  p.bound = bound_;
  p.bugs = static_cast<uint32_t>(bugs_.size());
  p.pruned = pruned_;
  return p;
}

std::string Explorer::coverage() const {
  if (!error_.empty()) return "nothing explored: " + error_;
  if (explore_.pct) {
    return plural(explored_, "random PCT schedule", "random PCT schedules") + ", depth " +
           std::to_string(explore_.depth) + ", seed " + std::to_string(explore_.seed) +
           (stopped_at_bug_ ? " (stopped at the first bug)" : "");
  }
  std::string bound = plural(bound_, "preemption", "preemptions");
  if (exhaustive() && explored_ == 1 && horizon_ <= 1 && no_points_)
    return "the only schedule checked (exhaustive: nothing ever runs concurrently)";
  if (exhaustive()) {
    std::string text =
        "all " + plural(explored_, "schedule", "schedules") +
        (explore_.preemptions == 0 ? std::string(" with no preemption")
                                   : " with at most " + plural(explore_.preemptions, "preemption", "preemptions")) +
        " checked (exhaustive";
    if (pruned_) text += "; " + thousands(pruned_) + " equivalent ones pruned";
    return text + ")";
  }
  std::string text = plural(explored_, "schedule", "schedules") + " checked";
  if (bound_ > 0) {
    text += bound_ == 1 ? std::string(": all with no preemption")
                        : ": all with at most " + plural(bound_ - 1, "preemption", "preemptions");
    text += ", then some with " + bound;
  } else {
    text += " with no preemption";
  }
  if (stopped_at_bug_) return text + " (stopped at the first bug)";
  if (stopped_) return text + " (stopped)";
  return text + " (budget of " + thousands(explore_.schedules) + " reached; not exhaustive)";
}

std::string Explorer::progress_json() const {
  ExploreProgress p = progress();
  return "{\"explored\":" + std::to_string(p.explored) + ",\"bound\":" + std::to_string(p.bound) +
         ",\"bugs\":" + std::to_string(p.bugs) + ",\"pruned\":" + std::to_string(p.pruned) + "}";
}

std::string Explorer::report_json() const {
  std::string j = "{\"explored\":" + std::to_string(explored_);
  j += ",\"exhaustive\":" + std::string(exhaustive() ? "true" : "false");
  j += ",\"pruned\":" + std::to_string(pruned_);
  j += ",\"bound\":{\"mode\":" + json_text(explore_.pct ? "pct" : "exhaustive") +
       ",\"preemptions\":" + std::to_string(explore_.preemptions) +
       ",\"schedules\":" + std::to_string(explore_.schedules) + ",\"seed\":" + std::to_string(explore_.seed) +
       ",\"depth\":" + std::to_string(explore_.depth) +
       ",\"points\":" + json_text(explore_.points == Points::Lines ? "lines" : "shared") + "}";
  j += ",\"coverage\":" + json_text(coverage());
  j += ",\"bugs\":[";
  for (size_t i = 0; i < bugs_.size(); ++i) {
    const ExploreBug& b = bugs_[i];
    if (i) j += ',';
    j += "{\"kind\":" + json_text(b.kind) + ",\"message\":" + json_text(b.message) +
         ",\"line\":" + std::to_string(b.line) + ",\"schedule\":" + json_text(b.schedule) +
         ",\"preemptions\":" + std::to_string(b.preemptions) + ",\"switches\":" + std::to_string(b.switches) +
         ",\"found_after\":" + std::to_string(b.found_after) + ",\"cpython311\":" + (b.cpython311 ? "true" : "false") +
         ",\"output\":" + json_text(b.output) + ",\"narration\":[";
    for (size_t n = 0; n < b.narration.size(); ++n) j += (n ? "," : "") + json_text(b.narration[n]);
    j += "]}";
  }
  j += "],\"passing\":" + (have_passing_ ? json_text(passing_) : std::string("null"));
  j += ",\"distinct_outcomes\":" + std::to_string(outcomes_.size());
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.3f", seconds_);
  j += ",\"seconds\":" + std::string(secs);
  if (first_bug_seconds_ >= 0) {
    std::snprintf(secs, sizeof secs, "%.3f", first_bug_seconds_);
    j += ",\"first_bug_seconds\":" + std::string(secs);
  }
  if (!error_.empty()) j += ",\"error\":" + json_text(error_);
  return j + "}";
}

std::string Explorer::report_text(const std::string& replay) const {
  if (!error_.empty()) return error_ + "\n";
  std::string out;
  if (bugs_.empty()) out += "No bug found: ";
  out += coverage() + ".\n";
  for (const ExploreBug& bug : bugs_) {
    out += "\nBug: " + bug.kind + (bug.line ? " at line " + std::to_string(bug.line) : std::string()) + ": " +
           bug.message + "\n";
    out += "  found after " + plural(bug.found_after, "schedule", "schedules") + "; " +
           plural(bug.preemptions, "preemption", "preemptions") + ", " + plural(bug.switches, "switch", "switches") +
           "\n";
    out += bug.cpython311
               ? "  CPython 3.11 can make every one of these switches (each is at an eval-breaker check)\n"
               : "  needs a switch CPython 3.11's GIL never makes (free-threaded builds and other Pythons can)\n";
    for (const std::string& line : bug.narration) out += "  - " + line + "\n";
    if (!bug.output.empty()) {
      out += "  output:\n";
      size_t start = 0;
      while (start < bug.output.size()) {
        size_t end = bug.output.find('\n', start);
        if (end == std::string::npos) end = bug.output.size();
        out += "    " + bug.output.substr(start, end - start) + "\n";
        start = end + 1;
      }
    }
    out += "  replay: " + replay + " --schedule " + bug.schedule + "\n";
  }
  return out;
}

}  // namespace interleave
