#pragma once

#include <QtGlobal>

#include <cstddef>
#include <vector>

/*!
    Distinct 64-bit keys in order, each with a value and a weight, that answers "total weight of
    the keys below k" in O(log n): a treap (a binary search tree balanced by random priorities)
    whose nodes keep the sum of the weights beneath them. Nodes live in one vector, linked by
    index, so the tree costs a few allocations however many keys come and go.

    ReorderBuffer keeps its far-away buffered ids in one (weight 1: the sum is a rank), and
    IntervalSet its intervals (key = first id, value = last id, weight = their span). Every
    operation is O(log n) expected. Not thread-safe.
*/
class OrderTree final
{
public:
    struct Node
    {
        qint64 key;
        qint64 value;
        quint64 weight;
        quint64 sum; // saturating, over this node and its subtrees
        qint32 left;
        qint32 right;
        quint32 priority;
    };

    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    quint64 totalWeight() const { return m_root < 0 ? 0 : m_nodes[std::size_t(m_root)].sum; }

    // `key` must not be present.
    void insert(qint64 key, qint64 value, quint64 weight);
    bool erase(qint64 key);
    void clear();
    // Changes the value and weight of a present key.
    void update(qint64 key, qint64 value, quint64 weight);

    bool contains(qint64 key) const;
    // The node with the greatest key <= `key` (nullptr when none); valid until the next change.
    const Node *floor(qint64 key) const;
    // The node with the smallest key >= `key` (nullptr when none).
    const Node *ceiling(qint64 key) const;
    const Node *first() const;
    const Node *last() const;
    // Total weight of the keys below `key` (saturating).
    quint64 weightBelow(qint64 key) const;

    // Calls f(node) in key order while it returns true.
    template<typename F> void forEach(F f) const
    {
        // Iterative in-order walk: the tree's depth is O(log n) only in expectation.
        std::vector<qint32> path;
        qint32 t = m_root;
        while (t >= 0 || !path.empty()) {
            while (t >= 0) {
                path.push_back(t);
                t = m_nodes[std::size_t(t)].left;
            }
            t = path.back();
            path.pop_back();
            if (!f(m_nodes[std::size_t(t)]))
                return;
            t = m_nodes[std::size_t(t)].right;
        }
    }

private:
    Node &at(qint32 t) { return m_nodes[std::size_t(t)]; }
    const Node &at(qint32 t) const { return m_nodes[std::size_t(t)]; }
    quint64 sumOf(qint32 t) const { return t < 0 ? 0 : at(t).sum; }
    void pull(qint32 t);
    // Splits t into keys < key (left) and keys >= key (right).
    void split(qint32 t, qint64 key, qint32 &left, qint32 &right);
    qint32 merge(qint32 a, qint32 b);
    qint32 insertAt(qint32 t, qint32 node);
    qint32 eraseAt(qint32 t, qint64 key, bool &erased);
    bool updateAt(qint32 t, qint64 key, qint64 value, quint64 weight);
    quint32 nextPriority();

    std::vector<Node> m_nodes;
    std::vector<qint32> m_free;
    qint32 m_root = -1;
    std::size_t m_size = 0;
    quint64 m_random = 0x9E3779B97F4A7C15ULL;
};
