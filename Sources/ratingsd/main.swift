print("ratingsd")
