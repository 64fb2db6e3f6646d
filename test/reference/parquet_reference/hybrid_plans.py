"""Run plans for the hybrid encoder: which runs a stream is made of. Each returns a list of
('rle' | 'bit-packed', length) covering the values in order, valid under Encodings.md (bit-packed
runs hold whole groups of 8 except a final one). Chosen to reach shapes a decoder must accept but
that Parquetry's own encoder (RLE only for 16+ repeats, long bit-packed runs) never writes.
"""
import random


def _run_length(values: list[int], i: int) -> int:
    j = i + 1
    while j < len(values) and values[j] == values[i]:
        j += 1
    return j - i


def plan_bit_packed(count: int, groups_per_run: int) -> list[tuple[str, int]]:
    """Only bit-packed runs of `groups_per_run` groups each (the last one shorter)."""
    step = groups_per_run * 8
    return [("bit-packed", min(step, count - start)) for start in range(0, count, step)]


def plan_rle_threshold(values: list[int], min_run: int, max_groups: int = 63) -> list[tuple[str, int]]:
    """A repeat of `min_run` or more values starting where a run may start becomes one RLE run;
    everything else is bit-packed in whole groups, up to `max_groups` groups per run.
    min_run=1 makes every maximal repeat (even a single value) an RLE run."""
    plan: list[tuple[str, int]] = []
    i = 0
    n = len(values)
    while i < n:
        run = _run_length(values, i)
        if run >= min_run:
            plan.append(("rle", run))
            i += run
            continue
        j = i
        while j < n:
            j = min(j + 8, n)
            if j == n or (j - i) // 8 == max_groups or _run_length(values, j) >= min_run:
                break
        plan.append(("bit-packed", j - i))
        i = j
    return plan


def plan_random(values: list[int], rng: random.Random) -> list[tuple[str, int]]:
    """Random mix: RLE runs cut at random points inside repeats (so two RLE runs of the same value
    can follow each other), bit-packed runs of 1 to 4 groups starting anywhere."""
    plan: list[tuple[str, int]] = []
    i = 0
    n = len(values)
    while i < n:
        if rng.random() < 0.5:
            length = rng.randint(1, _run_length(values, i))
            plan.append(("rle", length))
        else:
            length = min(8 * rng.randint(1, 4), n - i)
            plan.append(("bit-packed", length))
        i += length
    return plan
