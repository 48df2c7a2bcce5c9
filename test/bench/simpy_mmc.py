"""The ccsim benchmark workload (M/M/c+M) in SimPy, for the speed ratio `npm run bench` prints.

Poisson arrivals at 100 a minute, exponential service with a 288 s mean on 500 servers
(one `simpy.Resource`), exponential patience with a 180 s mean (the request raced against
a timeout, `req | env.timeout(patience)`, the way the SimPy documentation writes reneging).
Each call keeps a record [arrival, answer, abandon, end], as ccsim keeps its leg table, and
the KPIs are computed from those records after the run, as ccsim's `measure` does.

    python3 simpy_mmc.py [ARRIVALS] [SEED]

runs for ARRIVALS / (100 per minute) of simulated time (200,000 arrivals by default) and
prints one JSON line: arrivals, seconds (run + KPIs), arrivalsPerSec and the KPIs.
Needs SimPy 3 or 4 (Debian: apt-get install python3-simpy3).
"""
import json
import math
import random
import sys
import time

import simpy

PER_MIN = 100.0
AHT_SEC = 288.0
AGENTS = 500
PATIENCE_SEC = 180.0
WITHIN_SEC = 20.0
WARMUP_SEC = 3600.0
NAN = float("nan")


def call(env, agents, rng, record):
    """One caller: wait for an agent or run out of patience, then talk."""
    # Draw work and patience on arrival, as ccsim does.
    talk = rng.expovariate(1.0 / AHT_SEC)
    patience = rng.expovariate(1.0 / PATIENCE_SEC)
    with agents.request() as req:
        result = yield req | env.timeout(patience)
        if req in result:
            record[1] = env.now
            yield env.timeout(talk)
            record[3] = env.now
        else:
            record[2] = env.now


def source(env, agents, rng, records):
    """Poisson arrivals; each call appends its record on arrival."""
    rate = PER_MIN / 60.0
    while True:
        yield env.timeout(rng.expovariate(rate))
        record = [env.now, NAN, NAN, NAN]
        records.append(record)
        env.process(call(env, agents, rng, record))


def kpis(records, horizon):
    """Answer and abandon rates, SL(20 s) and ASA over calls arriving in [warm-up, horizon)."""
    offered = answered = abandoned = within = 0
    wait_sum = 0.0
    for arrival, answer, abandon, _end in records:
        if arrival < WARMUP_SEC or arrival >= horizon:
            continue
        offered += 1
        if answer == answer:  # not NaN
            answered += 1
            wait = answer - arrival
            wait_sum += wait
            if wait <= WITHIN_SEC:
                within += 1
        elif abandon == abandon:
            abandoned += 1
    return {
        "offered": offered,
        "answerRate": answered / offered if offered else NAN,
        "abandonRate": abandoned / offered if offered else NAN,
        "serviceLevel": within / offered if offered else NAN,
        "asaSeconds": wait_sum / answered if answered else NAN,
    }


def main():
    arrivals = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    horizon = arrivals / PER_MIN * 60.0
    rng = random.Random(seed)
    start = time.perf_counter()
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=AGENTS)
    records = []
    env.process(source(env, agents, rng, records))
    env.run(until=horizon)
    result = kpis(records, horizon)
    seconds = time.perf_counter() - start
    out = {
        "simpy": simpy.__version__,
        "python": sys.version.split()[0],
        "arrivals": len(records),
        "seconds": seconds,
        "arrivalsPerSec": len(records) / seconds,
    }
    out.update({k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in result.items()})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
