def test_index_and_session_render(client, upcoming_session, past_session):
    response = client.get("/lunchsessies/")
    assert response.status_code == 200
    assert upcoming_session.title in response.content.decode()
    assert client.get(upcoming_session.url).status_code == 200
    assert client.get(past_session.url).status_code == 200
