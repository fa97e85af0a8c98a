# Conway's Game of Life on a small torus: nested lists, modular indexing, string rendering.
ROWS, COLS = 8, 10
def make_grid(cells):
    grid = [[0] * COLS for _ in range(ROWS)]
    for r, c in cells:
        grid[r][c] = 1
    return grid
def neighbours(grid, r, c):
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr or dc:
                total += grid[(r + dr) % ROWS][(c + dc) % COLS]
    return total
def step(grid):
    new = make_grid([])
    for r in range(ROWS):
        for c in range(COLS):
            n = neighbours(grid, r, c)
            new[r][c] = 1 if n == 3 or (grid[r][c] and n == 2) else 0
    return new
def render(grid):
    return "\n".join("".join("#" if v else "." for v in row) for row in grid)
glider = make_grid([(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)])
g = glider
for gen in range(4):
    print(f"generation {gen}, alive {sum(map(sum, g))}")
    print(render(g))
    g = step(g)
for _ in range(36):
    g = step(g)
print("after 40:", [(r, c) for r in range(ROWS) for c in range(COLS) if g[r][c]])
