"""One numerical thread per process, set before NumPy and SciPy load their BLAS (which reads this once).

Each web or worker process does one thing at a time, and a deployment runs about one process per core, so
the numerical libraries' own threads only fight them: screening one text took 7x the CPU with them
(bench/README.md). A setting given in the environment still wins.
"""
import os

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")
