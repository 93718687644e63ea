"""Raw write + fsync of every file in SRC into a fresh folder in DST; prints the seconds taken."""
import os
import sys
import time

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
files = [(f, open(os.path.join(src, f), "rb").read()) for f in sorted(os.listdir(src))]
start = time.perf_counter()
for name, data in files:
    fd = os.open(os.path.join(dst, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, data)
    os.fsync(fd)
    os.close(fd)
dirfd = os.open(dst, os.O_RDONLY)
os.fsync(dirfd)
os.close(dirfd)
print(f"{time.perf_counter() - start:.3f}")
