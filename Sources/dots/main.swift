print("dots")
